package io.devhost.server.config;

import io.devhost.server.policy.StateKey;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the key that signs 2026-07-28 round-trip state comes from. */
public final class StateKeyOptions {

  @Option(
      names = "--state-key-file",
      paramLabel = "FILE",
      description =
          "Key that signs the requestState of confirmations asked of 2026-07-28 clients; every"
              + " replica behind one load balancer needs the same file (at least 32 bytes, not"
              + " readable by other users; e.g. openssl rand -base64 48). Default: a key made per"
              + " process, so a confirmation only completes on the replica that asked.")
  Path stateKeyFile;

  /**
   * The configured key, or a new one for this process; over HTTP, where replicas may stand behind a
   * load balancer, with one line on stderr saying what that means. A stdio server has one client
   * and one process, so its own key is all it needs and it says nothing.
   *
   * @throws IllegalArgumentException when the file is missing, too short or readable by others
   */
  public StateKey load(boolean servesHttp) {
    if (stateKeyFile != null) {
      return StateKey.load(stateKeyFile);
    }
    if (!servesHttp) {
      return StateKey.generate();
    }
    System.err.println(
        "devhost: no --state-key-file, so this process signs confirmation state with its own"
            + " key; behind a load balancer, a confirmation answered on another replica is"
            + " refused. Give every replica the same --state-key-file.");
    return StateKey.generate();
  }
}

package io.devhost.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.server.cli.DevhostCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyConfigTest {

  @TempDir Path dir;

  /** Runs {@code devhost COMMAND} with {@code yaml} as its config file. */
  private int run(String command, String yaml, ByteArrayOutputStream err) throws Exception {
    Path config = Files.writeString(dir.resolve("devhost.yaml"), yaml);
    PrintStream previous = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return DevhostCommand.run(
          new String[] {command, "--config", config.toString(), "--roots", dir.toString()},
          Map.of());
    } finally {
      System.setErr(previous);
    }
  }

  @Test
  void policySectionKeysSetThePolicyOptions() throws Exception {
    var err = new ByteArrayOutputStream();

    // tools takes only the visibility part; the file's other keys belong to serve and are accepted.
    int code =
        run("tools", "policy:\n  confirm: never\n  read-only: true\n  deny-tools: [list_*]\n", err);

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
  }

  @Test
  void anInvalidPolicyValueIsReportedWithItsKey() throws Exception {
    var err = new ByteArrayOutputStream();

    int code = run("call", "policy:\n  confirm: sometimes\n", err);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("confirm").contains("sometimes");
  }
}

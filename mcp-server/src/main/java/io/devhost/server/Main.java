package io.devhost.server;

import io.devhost.server.cli.DevhostCommand;

/** Entry point of {@code devhost.jar}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Logging.configure(args);
    System.exit(DevhostCommand.run(args, System.getenv()));
  }
}

package io.devhost.server.testing;

import io.devhost.server.cli.DevhostCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One {@code devhost} command run in-process, with what it printed on stdout and stderr. */
public record CliRun(int code, String out, String err) {

  /** Runs the command with an empty environment, capturing both streams. */
  public static CliRun of(String... args) {
    return of(Map.of(), args);
  }

  /** Runs the command with {@code env} as its environment, capturing both streams. */
  public static CliRun of(Map<String, String> env, String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    PrintStream previousOut = System.out;
    PrintStream previousErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = DevhostCommand.run(args, env);
    } finally {
      System.setOut(previousOut);
      System.setErr(previousErr);
    }
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}

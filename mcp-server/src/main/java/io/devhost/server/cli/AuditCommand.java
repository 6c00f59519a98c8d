package io.devhost.server.cli;

import io.devhost.core.Json;
import io.devhost.server.config.AuditOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/** {@code devhost audit}: reads the audit log of tool calls. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Read the audit log of tool calls.",
    subcommands = {AuditCommand.Tail.class, AuditSummary.class})
final class AuditCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** The audit log file, or null (after saying so) when there is none yet. */
  static Path existingLog(AuditOptions audit, CommandSpec spec) {
    Path file = audit.auditLog();
    if (!Files.isRegularFile(file)) {
      spec.commandLine().getErr().println("devhost: no audit log at " + file + " yet.");
      return null;
    }
    return file;
  }

  /** {@code devhost audit tail}: the last calls, one readable line each. */
  @Command(
      name = "tail",
      mixinStandardHelpOptions = true,
      description =
          "Show the last calls of the audit log, one line each: time, session, tool,"
              + " decision, duration, size, error.")
  static final class Tail implements Callable<Integer> {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    @Mixin AuditOptions audit;

    @Option(
        names = {"-n", "--lines"},
        paramLabel = "N",
        defaultValue = "20",
        description = "How many calls to show (default: ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = "--json", description = "Print the raw JSON lines.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      Path file = existingLog(audit, spec);
      if (file == null) {
        return 1;
      }
      var last = new ArrayDeque<String>(lines);
      try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (last.size() == lines) {
            last.removeFirst();
          }
          last.addLast(line);
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      last.forEach(line -> out.println(json ? line : readable(line)));
      out.flush();
      return 0;
    }

    static String readable(String line) {
      Map<String, Object> r;
      try {
        r = Json.MAPPER.readValue(line, MAP);
      } catch (JacksonException e) {
        return "(unreadable line) " + line;
      }
      Object client = r.get("client");
      return String.format(
          "%s  %-9s %-12s %-16s %-24s %-12s %6sms %8sB %s%s  %s",
          r.get("time"),
          r.get("transport"),
          shortSession(r.get("session")),
          r.get("caller") == null ? "-" : r.get("caller"),
          r.get("tool"),
          r.get("decision"),
          r.get("durationMs"),
          r.get("resultBytes"),
          r.get("errorKind") == null ? "ok" : r.get("errorKind"),
          client == null ? "" : "  " + client + " " + r.get("clientVersion"),
          Json.MAPPER.writeValueAsString(r.get("arguments")));
    }

    private static String shortSession(Object session) {
      String s = String.valueOf(session);
      return s.length() > 12 ? s.substring(0, 8) + "…" : s;
    }
  }
}

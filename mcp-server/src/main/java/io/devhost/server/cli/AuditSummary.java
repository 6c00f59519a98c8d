package io.devhost.server.cli;

import io.devhost.core.Json;
import io.devhost.server.config.AuditOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * {@code devhost audit summary}: per session, what was read, what was changed, what the change
 * monitor flagged, and what a person decided. Built from the audit log alone.
 */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description =
        "Per session: what was read, what was changed, what the change monitor flagged, and what"
            + " a person decided.")
final class AuditSummary implements Callable<Integer> {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** Decisions a person made at a prompt (the bridge's, and the server's elicitation). */
  private static final Set<String> HUMAN =
      Set.of(
          "approved_by_user",
          "approved_always_for_tool",
          "approved_flagged_by_user",
          "refused_by_user",
          "confirmed",
          "declined");

  @Mixin AuditOptions audit;

  @Option(
      names = "--session",
      paramLabel = "ID",
      description = "Only this session (as in 'audit tail'; a prefix is enough).")
  String session;

  @Spec CommandSpec spec;

  /** What one session did. */
  static final class Session {
    final String id;
    String first;
    String last;
    int calls;
    final Set<String> read = new LinkedHashSet<>();
    final List<String> changed = new ArrayList<>();
    final List<String> flagged = new ArrayList<>();
    final List<String> human = new ArrayList<>();

    Session(String id) {
      this.id = id;
    }
  }

  @Override
  public Integer call() throws IOException {
    Path file = AuditCommand.existingLog(audit, spec);
    if (file == null) {
      return 1;
    }
    var sessions = new LinkedHashMap<String, Session>();
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        Map<String, Object> r;
        try {
          r = Json.MAPPER.readValue(line, MAP);
        } catch (JacksonException e) {
          continue; // 'audit tail' shows unreadable lines; a summary counts what it can read
        }
        String id = String.valueOf(r.get("session"));
        if (session == null || id.startsWith(session)) {
          add(sessions.computeIfAbsent(id, Session::new), r);
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (sessions.isEmpty()) {
      out.println(
          session == null ? "The audit log is empty." : "No session starts with " + session);
    }
    sessions.values().forEach(s -> print(out, s));
    out.flush();
    return 0;
  }

  static void add(Session s, Map<String, Object> r) {
    String time = String.valueOf(r.get("time"));
    s.first = s.first == null ? time : s.first;
    s.last = time;
    s.calls++;
    String tool = String.valueOf(r.get("tool"));
    String decision = String.valueOf(r.get("decision"));
    String target = target(r);
    if (r.get("change") instanceof Map<?, ?> change) {
      s.changed.add(tool + " " + target + " -> " + decision);
      if (change.get("findings") instanceof List<?> findings) {
        for (Object f : findings) {
          if (f instanceof Map<?, ?> finding) {
            s.flagged.add(
                finding.get("file")
                    + ":"
                    + finding.get("line")
                    + " ["
                    + finding.get("category")
                    + "/"
                    + finding.get("rule")
                    + "] -> "
                    + decision);
          }
        }
      }
    } else if (!HUMAN.contains(decision)) {
      s.read.add(tool + (target.isEmpty() ? "" : " " + target));
    }
    if (HUMAN.contains(decision)) {
      s.human.add(time + " " + tool + " " + target + " -> " + decision);
    }
  }

  /** The changed file (from the change digest) or the call's path argument. */
  private static String target(Map<String, Object> r) {
    if (r.get("change") instanceof Map<?, ?> change
        && change.get("changes") instanceof List<?> changes) {
      var targets = new ArrayList<String>();
      changes.forEach(c -> targets.add(String.valueOf(((Map<?, ?>) c).get("target"))));
      return String.join(",", targets);
    }
    return r.get("arguments") instanceof Map<?, ?> args && args.get("path") instanceof String p
        ? p
        : "";
  }

  private static void print(PrintWriter out, Session s) {
    out.println("session " + s.id + "  " + s.first + " .. " + s.last + "  " + s.calls + " calls");
    section(out, "read", new ArrayList<>(s.read));
    section(out, "changed", s.changed);
    section(out, "flagged", s.flagged);
    section(out, "decided by a person", s.human);
    out.println();
  }

  private static void section(PrintWriter out, String title, List<String> items) {
    out.println("  " + title + ": " + (items.isEmpty() ? "nothing" : ""));
    items.forEach(i -> out.println("    " + i));
  }
}

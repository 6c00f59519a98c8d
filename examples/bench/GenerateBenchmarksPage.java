import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes docs/benchmarks.md from the results directory of examples/bench/run.sh: the machine and
 * date, the areas with their status, the headline figures checked against the targets, and every
 * area's figures as tables. The prose lives in benchmarks.md.template; the targets live in
 * {@link #TARGETS}, nowhere else. No dependencies: {@code java GenerateBenchmarksPage.java RESULTS_DIR TEMPLATE OUT}.
 *
 * <p>The results directory holds {@code run.tsv} ("key TAB value": the machine, the mode, and each
 * area's status, command, load average and duration) and one {@code AREA.tsv} per area, written by
 * the scripts: "table TAB subject TAB metric TAB value" lines, and "#text" notes.
 */
public class GenerateBenchmarksPage {

  record Area(String id, String title, String page) {}

  /** The areas in the order run.sh runs them; each links to its hand-written page. */
  static final List<Area> AREAS =
      List.of(
          new Area("stdio", "stdio cold start and round trip", "benchmarks-stdio.md"),
          new Area("fs", "filesystem tools vs the reference server, `grep` and `rg`", "benchmarks-fs.md"),
          new Area("pg", "PostgreSQL tools vs raw JDBC and the reference server", "benchmarks-pg.md"),
          new Area("git", "git vs the `git` CLI; GitHub tool-definition size", "benchmarks-git.md"),
          new Area("http", "Streamable HTTP vs stdio, 1/8/64 clients", "benchmarks-http.md"),
          new Area("bridge", "local-llm-bridge: valid actions, host overhead, tok/s", "benchmarks-bridge.md"),
          new Area("dist", "packaged launcher cold start", "benchmarks-dist.md"),
          new Area("startup", "launchers' cold start beside the Node reference server", "benchmarks-startup.md"),
          new Area("tools", "`tools/list` size: characters and tokens", "benchmarks-tools.md"));

  /** A figure one script recorded: its area, subject (row) and metric (column). */
  record Figure(String area, String subject, String metric) {}

  enum Check {
    /** DevHost's figure is at most the threshold. */
    AT_MOST,
    /** DevHost's figure is at least the threshold. */
    AT_LEAST,
    /** DevHost's figure divided by the anchor's is at most the threshold. */
    RATIO_AT_MOST,
    /** DevHost's figure divided by the anchor's is at least the threshold. */
    RATIO_AT_LEAST,
    /** DevHost's figure minus the anchor's is at most the threshold. */
    DIFF_AT_MOST,
    /** No target: the ratio is recorded. */
    NONE
  }

  /**
   * One headline row. The anchor is another recorded figure, or a fixed figure quoted from the issue
   * ({@code anchorFixed}), or absent for an absolute target.
   */
  record Target(
      String measure,
      String unit,
      Figure devhost,
      String anchorLabel,
      Figure anchor,
      Double anchorFixed,
      Check check,
      double threshold,
      String targetText) {}

  static Target vs(String measure, String unit, Figure devhost, String anchorLabel, Figure anchor,
      Check check, double threshold, String targetText) {
    return new Target(measure, unit, devhost, anchorLabel, anchor, null, check, threshold, targetText);
  }

  static Target absolute(String measure, String unit, Figure devhost, Check check, double threshold,
      String targetText) {
    return new Target(measure, unit, devhost, null, null, null, check, threshold, targetText);
  }

  static Figure f(String area, String subject, String metric) {
    return new Figure(area, subject, metric);
  }

  /** The targets from the issues, in one place. */
  static final List<Target> TARGETS =
      List.of(
          vs("stdio cold start, spawn → `initialize` answer, p50 (launcher's JVM flags)", "ms",
              f("stdio", "devhost-launcher", "cold start p50 (ms)"),
              "Node reference filesystem server", f("stdio", "reference-node", "cold start p50 (ms)"),
              Check.RATIO_AT_MOST, 1.0, "≤ reference"),
          vs("`read_text_file` 4 KB over stdio, p50", "ms",
              f("stdio", "devhost", "p50 (ms)"),
              "Node reference filesystem server", f("stdio", "reference-node", "p50 (ms)"),
              Check.RATIO_AT_MOST, 1.0, "≤ reference"),
          vs("Streamable HTTP `tools/call`, 1 client, p50", "ms",
              f("http", "streamable-http, 1 client", "p50 (ms)"),
              "reference `server-everything`", f("http", "reference server-everything, 1 client", "p50 (ms)"),
              Check.AT_MOST, 1.0, "≤ 1 ms"),
          vs("Streamable HTTP throughput, 8 clients", "calls/s",
              f("http", "streamable-http, 8 clients", "calls/s"),
              "reference `server-everything`", f("http", "reference server-everything, 8 clients", "calls/s"),
              Check.RATIO_AT_LEAST, 5.0, "≥ 5× reference"),
          vs("`search_files` on 20,000 files over stdio, median", "ms",
              f("fs", "devhost search_files *.ts", "median (ms)"),
              "Node reference filesystem server", f("fs", "reference search_files **/*.ts", "median (ms)"),
              Check.RATIO_AT_MOST, 0.1, "≥ 10× faster"),
          vs("`search_content` literal on 20,000 files, in-process, median", "ms",
              f("fs", "search_content literal", "median (ms)"),
              "`rg -F`", f("fs", "rg literal", "median (ms)"),
              Check.RATIO_AT_MOST, 1.5, "≤ 1.5× `rg`"),
          vs("`read_text_file` of random `.java` files over stdio, p50", "ms",
              f("fs", "devhost", "p50 (ms)"),
              "Node reference filesystem server", f("fs", "reference", "p50 (ms)"),
              Check.RATIO_AT_MOST, 1.0, "≤ reference"),
          vs("`SELECT 1` through the tool runner, p50", "ms",
              f("pg", "DevHost tool runner", "SELECT 1 p50 (ms)"),
              "raw JDBC", f("pg", "raw JDBC", "SELECT 1 p50 (ms)"),
              Check.DIFF_AT_MOST, 0.3, "within 0.3 ms of JDBC"),
          vs("`SELECT 1` over MCP stdio, p50", "ms",
              f("pg", "DevHost over MCP stdio", "SELECT 1 p50 (ms)"),
              "reference `server-postgres`", f("pg", "reference server-postgres over MCP stdio", "SELECT 1 p50 (ms)"),
              Check.RATIO_AT_MOST, 1.0, "≤ reference"),
          vs("1,000 rows over MCP stdio, p50", "ms",
              f("pg", "DevHost over MCP stdio", "1,000 rows p50 (ms)"),
              "raw JDBC", f("pg", "raw JDBC", "1,000 rows p50 (ms)"),
              Check.RATIO_AT_MOST, 2.0, "≤ 2× JDBC"),
          vs("1,000,000 rows without `LIMIT`, time to answer", "ms",
              f("pg", "DevHost over MCP stdio", "time (ms)"),
              "reference `server-postgres`", f("pg", "reference server-postgres over MCP stdio", "time (ms)"),
              Check.AT_MOST, 1000, "< 1 s (a capped page)"),
          new Target("default GitHub tool definitions (`tools/list`)", "tokens",
              f("git", "devhost --toolsets github (default)", "tokens (chars/4)"),
              "official GitHub MCP server, 34k–80k tokens (figure from the issue; low end used)", null,
              34_000.0, Check.RATIO_AT_MOST, 1.0 / 3, "well under a third"),
          vs("`git_log` 10,000 commits, path filter, all pages, warm", "ms",
              f("git", "git_log path=docs, all pages", "devhost (ms)"),
              "`git log` CLI", f("git", "git_log path=docs, all pages", "git CLI (ms)"),
              Check.NONE, 0, "ratio recorded"),
          absolute("bridge valid-action rate, 1,000 raw R1-style replies", "%",
              f("bridge", "overall", "rate (%)"), Check.AT_LEAST, 99, "≥ 99%"),
          absolute("bridge host overhead per step, max", "ms",
              f("bridge", "scripted R1-style model", "host max (ms)"), Check.AT_MOST, 50, "< 50 ms"),
          absolute("bridge model calls per step, backend can constrain (Ollama API)", "",
              f("bridge", "Ollama API, think + format (local replay server)", "model calls per step"),
              Check.AT_MOST, 1.0, "1"),
          vs("packaged launcher cold start, p50", "ms",
              f("dist", "dist-launcher", "cold start p50 (ms)"),
              "plain `java -jar`", f("dist", "jar", "cold start p50 (ms)"),
              Check.NONE, 0, "ratio recorded"),
          vs("no-JDK launcher cold start, spawn → `initialize` answer, p50, interleaved runs", "ms",
              f("startup", "dist-launcher", "cold start p50 (ms)"),
              "Node reference filesystem server", f("startup", "reference-node", "cold start p50 (ms)"),
              Check.RATIO_AT_MOST, 1.0, "≤ reference"),
          vs("no-JDK launcher CPU time to the `initialize` answer, p50", "ms",
              f("startup", "dist-launcher", "CPU to answer p50 (ms)"),
              "Node reference filesystem server", f("startup", "reference-node", "CPU to answer p50 (ms)"),
              Check.RATIO_AT_MOST, 1.0, "≤ reference"),
          vs("no-JDK launcher `read_text_file` 4 KB over stdio, p50", "ms",
              f("startup", "dist-launcher", "p50 (ms)"),
              "Node reference filesystem server", f("startup", "reference-node", "p50 (ms)"),
              Check.RATIO_AT_MOST, 1.0, "≤ reference"),
          absolute("default `tools/list` (fs, git), compact JSON", "characters",
              f("tools", "default (fs, git)", "characters"), Check.AT_MOST, 39_999, "< 40,000"));

  /** One area's recorded figures: tables of subject → metric → value, and notes. */
  static final class Results {
    final Map<String, Map<String, Map<String, String>>> tables = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();

    String get(String subject, String metric) {
      for (var table : tables.values()) {
        var row = table.get(subject);
        if (row != null && row.containsKey(metric)) {
          return row.get(metric);
        }
      }
      return null;
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: java GenerateBenchmarksPage.java RESULTS_DIR TEMPLATE OUT");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    Map<String, String> run = readRun(dir.resolve("run.tsv"));
    Map<String, Results> results = new LinkedHashMap<>();
    for (Area area : AREAS) {
      results.put(area.id(), readResults(dir.resolve(area.id() + ".tsv")));
    }
    String page = Files.readString(Path.of(args[1]))
        .replace("{{run}}", runSection(run))
        .replace("{{areas}}", areasTable(run))
        .replace("{{headline}}", headline(run, results))
        .replace("{{figures}}", figures(run, results));
    Files.writeString(Path.of(args[2]), page);
  }

  static Map<String, String> readRun(Path file) throws IOException {
    var run = new LinkedHashMap<String, String>();
    for (String line : Files.readAllLines(file)) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        run.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    return run;
  }

  static Results readResults(Path file) throws IOException {
    var r = new Results();
    if (!Files.exists(file)) {
      return r;
    }
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("#")) {
        r.notes.add(line.substring(1));
        continue;
      }
      String[] f = line.split("\t", 4);
      if (f.length == 4) {
        r.tables.computeIfAbsent(f[0], k -> new LinkedHashMap<>())
            .computeIfAbsent(f[1], k -> new LinkedHashMap<>())
            .put(f[2], f[3]);
      }
    }
    return r;
  }

  static String runSection(Map<String, String> run) {
    boolean quick = "quick".equals(get(run, "mode"));
    var s = new StringBuilder();
    s.append("| | |\n|---|---|\n");
    s.append("| date (UTC) | ").append(get(run, "started")).append(" to ").append(get(run, "finished")).append(" |\n");
    s.append("| run | ").append(quick
        ? "`examples/bench/run.sh --quick`: fewer runs and calls than the full run, so the figures are noisier"
        : "`examples/bench/run.sh` (full)").append(" |\n");
    s.append("| commit | ").append(get(run, "commit")).append(" |\n");
    s.append("| CPU | ").append(get(run, "cpu")).append(", ").append(get(run, "cores")).append(" cores |\n");
    s.append("| memory | ").append(get(run, "memory")).append(" |\n");
    s.append("| OS | ").append(get(run, "os")).append(", kernel ").append(get(run, "kernel")).append(" |\n");
    s.append("| JDK | ").append(get(run, "java")).append(" |\n");
    s.append("| Node | ").append(get(run, "node")).append(" |\n");
    s.append("| load average (1 min) | ").append(get(run, "load.start")).append(" at the start, ")
        .append(get(run, "load.end")).append(" at the end; each area's is in the table below |\n");
    String note = run.get("note");
    if (note != null && !note.isBlank()) {
      s.append("\n").append(note).append("\n");
    }
    return s.toString();
  }

  /** A run.tsv value, or "–" where a run was cut short before writing it. */
  static String get(Map<String, String> run, String key) {
    return run.getOrDefault(key, "–");
  }

  static String areasTable(Map<String, String> run) {
    var s = new StringBuilder();
    s.append("| area | command | status | load before → after | time | details |\n");
    s.append("|---|---|---|---|---|---|\n");
    for (Area a : AREAS) {
      String id = a.id();
      s.append("| ").append(a.title())
          .append(" | `").append(run.getOrDefault(id + ".command", "examples/bench/")).append("`")
          .append(" | ").append(run.getOrDefault(id + ".status", "not run"))
          .append(" | ").append(run.containsKey(id + ".load.before")
              ? get(run, id + ".load.before") + " → " + get(run, id + ".load.after") : "–")
          .append(" | ").append(run.containsKey(id + ".seconds") ? get(run, id + ".seconds") + " s" : "–")
          .append(" | [").append(a.page()).append("](").append(a.page()).append(") |\n");
    }
    return s.toString();
  }

  static String headline(Map<String, String> run, Map<String, Results> results) {
    var s = new StringBuilder();
    s.append("| measure | DevHost | reference / anchor | ratio | target | met? |\n");
    s.append("|---|---|---|---|---|---|\n");
    for (Target t : TARGETS) {
      String mine = value(results, t.devhost());
      String anchorValue = t.anchorFixed() != null ? number(t.anchorFixed())
          : t.anchor() != null ? value(results, t.anchor()) : null;
      boolean needsAnchor = switch (t.check()) {
        case RATIO_AT_MOST, RATIO_AT_LEAST, DIFF_AT_MOST -> true;
        default -> false;
      };
      String missing = mine == null ? whyMissing(run, results, t.devhost())
          : needsAnchor && anchorValue == null ? whyMissing(run, results, t.anchor())
          : null;
      s.append("| ").append(t.measure())
          .append(" | ").append(mine == null ? "–" : withUnit(mine, t.unit()))
          .append(" | ").append(t.anchorLabel() == null ? "–"
              : t.anchorLabel() + (t.anchorFixed() != null ? ""
                  : anchorValue == null ? ": not measured"
                  : ": " + withUnit(anchorValue, t.unit())));
      String ratio = mine == null || anchorValue == null ? "–"
          : t.check() == Check.DIFF_AT_MOST
              ? String.format(Locale.ROOT, "%+.3f %s (%s)", parse(mine) - parse(anchorValue), t.unit(),
                  ratio(parse(mine) / parse(anchorValue)))
              : ratio(parse(mine) / parse(anchorValue));
      s.append(" | ").append(ratio)
          .append(" | ").append(t.targetText())
          .append(" | ").append(missing != null ? "not measured: " + missing : verdict(t, mine, anchorValue))
          .append(" |\n");
    }
    return s.toString();
  }

  static String verdict(Target t, String mine, String anchor) {
    double m = parse(mine);
    boolean met = switch (t.check()) {
      case AT_MOST -> m <= t.threshold();
      case AT_LEAST -> m >= t.threshold();
      case RATIO_AT_MOST -> m / parse(anchor) <= t.threshold();
      case RATIO_AT_LEAST -> m / parse(anchor) >= t.threshold();
      case DIFF_AT_MOST -> m - parse(anchor) <= t.threshold();
      case NONE -> true;
    };
    return t.check() == Check.NONE ? "–" : met ? "yes" : "**no**";
  }

  /** Says why a figure is absent: its area did not run, or the area's notes say what was skipped. */
  static String whyMissing(Map<String, String> run, Map<String, Results> results, Figure f) {
    String status = run.getOrDefault(f.area() + ".status", "not run");
    if (!status.equals("ok")) {
      return f.area() + " " + status;
    }
    for (String note : results.get(f.area()).notes) {
      if (note.contains("skipped")) {
        return note;
      }
    }
    return "no such figure in " + f.area() + ".tsv";
  }

  static String figures(Map<String, String> run, Map<String, Results> results) {
    var s = new StringBuilder();
    for (Area a : AREAS) {
      Results r = results.get(a.id());
      s.append("### ").append(a.title()).append("\n\n");
      s.append("`").append(run.getOrDefault(a.id() + ".command", "–")).append("`: ")
          .append(run.getOrDefault(a.id() + ".status", "not run"));
      if (run.containsKey(a.id() + ".load.before")) {
        s.append(", load average ").append(get(run, a.id() + ".load.before")).append(" → ")
            .append(get(run, a.id() + ".load.after")).append(", ").append(get(run, a.id() + ".seconds"))
            .append(" s");
      }
      s.append(". What is measured and why: [").append(a.page()).append("](").append(a.page()).append(").\n\n");
      for (String note : r.notes) {
        s.append("- ").append(note).append("\n");
      }
      if (!r.notes.isEmpty()) {
        s.append("\n");
      }
      r.tables.forEach((title, rows) -> s.append(table(title, rows)).append("\n"));
    }
    return s.toString().stripTrailing() + "\n";
  }

  /** One recorded table: a row per subject, a column per metric, "–" where a row lacks one. */
  static String table(String title, Map<String, Map<String, String>> rows) {
    Set<String> metrics = new LinkedHashSet<>();
    rows.values().forEach(row -> metrics.addAll(row.keySet()));
    var s = new StringBuilder();
    s.append("| ").append(cell(title));
    metrics.forEach(m -> s.append(" | ").append(cell(m)));
    s.append(" |\n|---");
    metrics.forEach(m -> s.append("|---:"));
    s.append("|\n");
    rows.forEach((subject, row) -> {
      s.append("| ").append(cell(subject));
      metrics.forEach(m -> s.append(" | ").append(cell(row.getOrDefault(m, "–"))));
      s.append(" |\n");
    });
    return s.toString();
  }

  /** Recorded text as a table cell: a pipe would end the cell, a "<" could start an HTML tag. */
  static String cell(String text) {
    return text.replace("|", "\\|").replace("<", "&lt;");
  }

  static String value(Map<String, Results> results, Figure f) {
    String v = results.get(f.area()).get(f.subject(), f.metric());
    return v == null || v.equals("–") ? null : v;
  }

  static double parse(String v) {
    return Double.parseDouble(v.replace(",", ""));
  }

  static String withUnit(String v, String unit) {
    return unit.isEmpty() ? v : v + " " + unit;
  }

  static String number(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  static String ratio(double r) {
    if (r < 0.5 && r > 0) {
      return String.format(Locale.ROOT, "%.2g× (%.1f× less)", r, 1 / r);
    }
    return String.format(Locale.ROOT, "%.2f×", r);
  }
}

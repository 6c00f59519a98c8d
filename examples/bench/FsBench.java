import io.devhost.core.ResultLimits;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolRunner;
import io.devhost.core.ToolSpec;
import io.devhost.fs.FilesystemToolset;
import io.devhost.fs.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Times the filesystem tools through the same ToolRunner the MCP server uses (input binding, JSON
 * result and all), on a tree from GenerateSourceTree. Each figure is the median of several runs
 * after warm-up; read_text_file gives p50 and p99 over 2,000 reads of random files.
 *
 * <p>Usage: {@code java -cp mcp-server/target/devhost.jar examples/bench/FsBench.java TREE
 * [secure|portable]} (the sandbox kind, default secure). With
 * DEVHOST_BENCH_RESULTS set (examples/bench/run.sh does), the figures are also appended to that file
 * as tab-separated "table, subject, metric, value" lines.
 */
public final class FsBench {

  static final ToolRunner RUNNER = new ToolRunner(ResultLimits.DEFAULT);

  public static void main(String[] args) throws Exception {
    Path tree = Path.of(args[0]).toRealPath();
    var kind = args.length > 1 ? Sandbox.Kind.valueOf(args[1].toUpperCase(Locale.ROOT)) : Sandbox.Kind.SECURE;
    var toolset = new FilesystemToolset(Sandbox.builder().roots(List.of(tree)).kind(kind).build());
    time(toolset, "search_content literal", "search_content", Map.of("pattern", "NEEDLE_UNIQUE_", "maxMatches", 100));
    time(toolset, "search_content regex", "search_content", Map.of("pattern", "TODO\\(perf\\): cache the \\w+ lookup", "regex", true, "maxMatches", 1000));
    time(toolset, "search_content match-all (cap 2000)", "search_content", Map.of("pattern", "e", "maxMatches", 2000));
    time(toolset, "search_files *.ts", "search_files", Map.of("pattern", "*.ts", "maxResults", 5000));
    time(toolset, "directory_tree depth 3", "directory_tree", Map.of("maxDepth", 3));
    time(toolset, "directory_tree full (20k cap)", "directory_tree", Map.of("maxDepth", 10, "maxEntries", 20000));
    readLatency(toolset, tree);
  }

  static void time(FilesystemToolset toolset, String label, String tool, Map<String, Object> args)
      throws Exception {
    ToolSpec<?, ?> spec = find(toolset, tool);
    for (int i = 0; i < 3; i++) {
      run(spec, args);
    }
    long[] ms = new long[7];
    String summary = "";
    for (int i = 0; i < ms.length; i++) {
      long t0 = System.nanoTime();
      var outcome = run(spec, args);
      ms[i] = (System.nanoTime() - t0) / 1_000_000;
      summary = summarize(outcome);
    }
    Arrays.sort(ms);
    System.out.printf("%-40s median %5d ms  (min %d, max %d)  %s%n", label, ms[ms.length / 2], ms[0], ms[ms.length - 1], summary);
    String table = "in-process (ToolRunner), median of 7 after 3 warm-ups";
    record(table, label, "median (ms)", String.valueOf(ms[ms.length / 2]));
    record(table, label, "min (ms)", String.valueOf(ms[0]));
    record(table, label, "max (ms)", String.valueOf(ms[ms.length - 1]));
    record(table, label, "result", summary);
  }

  static void readLatency(FilesystemToolset toolset, Path tree) throws Exception {
    List<String> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(tree)) {
      s.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.add(tree.relativize(p).toString()));
    }
    ToolSpec<?, ?> spec = find(toolset, "read_text_file");
    var random = new Random(1);
    for (int i = 0; i < 2000; i++) {
      run(spec, Map.of("path", files.get(random.nextInt(files.size()))));
    }
    long[] us = new long[2000];
    for (int i = 0; i < us.length; i++) {
      String f = files.get(random.nextInt(files.size()));
      long t0 = System.nanoTime();
      var outcome = run(spec, Map.of("path", f));
      us[i] = (System.nanoTime() - t0) / 1000;
      if (outcome.isError()) {
        throw new IllegalStateException(outcome.result().toString());
      }
    }
    Arrays.sort(us);
    System.out.printf("%-40s p50 %.3f ms  p99 %.3f ms%n", "read_text_file (2000 random .java)", us[us.length / 2] / 1000.0, us[us.length * 99 / 100] / 1000.0);
    String table = "in-process read_text_file, 2000 random .java files after 2000 warm-up reads";
    record(table, "read_text_file", "p50 (ms)", String.format(Locale.ROOT, "%.3f", us[us.length / 2] / 1000.0));
    record(table, "read_text_file", "p99 (ms)", String.format(Locale.ROOT, "%.3f", us[us.length * 99 / 100] / 1000.0));
  }

  /** Appends one figure to the file named by DEVHOST_BENCH_RESULTS, if set, for docs/benchmarks.md. */
  static void record(String table, String subject, String metric, String value) throws Exception {
    String file = System.getenv("DEVHOST_BENCH_RESULTS");
    if (file != null) {
      Files.writeString(Path.of(file), table + "\t" + subject + "\t" + metric + "\t" + value + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  static ToolRunner.Outcome run(ToolSpec<?, ?> spec, Map<String, Object> args) {
    var outcome = RUNNER.run(spec, args, ToolContext.DETACHED);
    if (outcome.isError()) {
      throw new IllegalStateException(spec.name() + ": " + outcome.result().content());
    }
    return outcome;
  }

  static String summarize(ToolRunner.Outcome outcome) {
    var s = (Map<?, ?>) outcome.result().structuredContent();
    for (String key : List.of("matches", "entries")) {
      if (s.get(key) instanceof List<?> l) {
        return key + "=" + l.size() + (s.containsKey("truncated") ? " truncated=" + s.get("truncated") : "");
      }
    }
    return "";
  }

  static ToolSpec<?, ?> find(FilesystemToolset toolset, String name) {
    return toolset.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }
}

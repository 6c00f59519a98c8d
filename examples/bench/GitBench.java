import io.devhost.core.ResultLimits;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolRunner;
import io.devhost.core.ToolSpec;
import io.devhost.fs.Sandbox;
import io.devhost.git.GitToolset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times git_log (path filter, all pages) and git_grep in-process, warm, against the git CLI on
 * the same repository. Run by examples/bench/git.sh with the devhost jar on the class path. With
 * DEVHOST_BENCH_RESULTS set (examples/bench/run.sh does), the figures are also appended to that file
 * as tab-separated "table, subject, metric, value" lines.
 */
public class GitBench {

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args[0]).toRealPath();
    int runs = Integer.parseInt(args.length > 1 ? args[1] : "7");
    var toolset = new GitToolset(Sandbox.of(List.of(repo)));
    var runner = new ToolRunner(ResultLimits.DEFAULT);

    long[] logCount = new long[1];
    double log = median(runs, () -> logCount[0] = pages(runner, tool(toolset, "git_log"), Map.of("path", "docs", "maxCount", 500), "commits"));
    double logCli = median(runs, () -> cli(repo, "git", "log", "--format=%H%x09%an%x09%aI%x09%s", "--", "docs"));
    long[] grepCount = new long[1];
    double grep = median(runs, () -> grepCount[0] = pages(runner, tool(toolset, "git_grep"), Map.of("pattern", "FIXME\\(bench\\)", "maxCount", 1000), "matches"));
    double grepCli = median(runs, () -> cli(repo, "git", "grep", "-n", "-E", "FIXME\\(bench\\)", "HEAD"));

    System.out.printf("git_log path=docs (%d commits): devhost %.1f ms, git CLI %.1f ms, ratio %.2f%n", logCount[0], log, logCli, log / logCli);
    System.out.printf("git_grep FIXME(bench) (%d matches): devhost %.1f ms, git CLI %.1f ms, ratio %.2f%n", grepCount[0], grep, grepCli, grep / grepCli);
    String table = "in-process, warm, median of " + runs;
    record(table, "git_log path=docs, all pages", logCount[0] + " commits", log, logCli);
    record(table, "git_grep FIXME(bench)", grepCount[0] + " matches", grep, grepCli);
  }

  /** Appends one row to the file named by DEVHOST_BENCH_RESULTS, if set, for docs/benchmarks.md. */
  static void record(String table, String subject, String result, double devhost, double cli)
      throws Exception {
    String file = System.getenv("DEVHOST_BENCH_RESULTS");
    if (file == null) {
      return;
    }
    var lines = new StringBuilder();
    String row = table + "\t" + subject + "\t";
    lines.append(row).append("result\t").append(result).append('\n');
    lines.append(row).append("devhost (ms)\t").append(String.format(Locale.ROOT, "%.1f", devhost)).append('\n');
    lines.append(row).append("git CLI (ms)\t").append(String.format(Locale.ROOT, "%.1f", cli)).append('\n');
    lines.append(row).append("ratio\t").append(String.format(Locale.ROOT, "%.2f", devhost / cli)).append('\n');
    Files.writeString(Path.of(file), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  interface Work {
    void run() throws Exception;
  }

  static double median(int runs, Work w) throws Exception {
    w.run(); // warm-up: class loading, JIT, pack index
    w.run();
    double[] t = new double[runs];
    for (int i = 0; i < runs; i++) {
      long s = System.nanoTime();
      w.run();
      t[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(t);
    return t[runs / 2];
  }

  static ToolSpec<?, ?> tool(GitToolset set, String name) {
    return set.tools().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  static long pages(ToolRunner runner, ToolSpec<?, ?> tool, Map<String, Object> args, String listKey) {
    long total = 0;
    String cursor = null;
    do {
      var a = new HashMap<>(args);
      if (cursor != null) a.put("cursor", cursor);
      var result = runner.run(tool, a, ToolContext.DETACHED).result();
      if (Boolean.TRUE.equals(result.isError())) throw new IllegalStateException(result.content().toString());
      var out = (Map<String, Object>) result.structuredContent();
      total += ((List<?>) out.get(listKey)).size();
      cursor = (String) out.get("nextCursor");
    } while (cursor != null);
    return total;
  }

  static void cli(Path repo, String... cmd) throws Exception {
    var p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true).start();
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed");
  }
}

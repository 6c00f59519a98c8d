import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures MCP servers over stdio, side by side: cold start (spawn to the initialize response,
 * median of N, the servers' runs interleaved) and tools/call round trips (p50/p99 after warm-up). Speaks raw JSON-RPC, so the
 * client adds almost nothing to the figures. No dependencies: run with {@code java StdioBench.java}.
 * With DEVHOST_BENCH_RESULTS set (examples/bench/run.sh does), the figures are also appended to that
 * file as tab-separated "table, subject, metric, value" lines.
 *
 * <pre>
 * java StdioBench.java --runs 10 --calls 2000 --warmup 500 \
 *   --tool read_text_file --args '{"path":"/tmp/x/4k.txt"}' \
 *   --server "devhost=java -jar devhost.jar serve --stdio --roots /tmp/x" \
 *   --server "reference=node .../server-filesystem/dist/index.js /tmp/x"
 * </pre>
 */
public class StdioBench {

  static final String INIT =
      "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
          + "\"capabilities\":{},\"clientInfo\":{\"name\":\"stdio-bench\",\"version\":\"1\"}}}";
  static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  public static void main(String[] args) throws Exception {
    int runs = 10, calls = 2000, warmup = 500;
    String tool = null, toolArgs = "{}";
    var servers = new ArrayList<String[]>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--calls" -> calls = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--tool" -> tool = args[++i];
        case "--args" -> toolArgs = args[++i];
        case "--server" -> {
          String spec = args[++i];
          int eq = spec.indexOf('=');
          servers.add(new String[] {spec.substring(0, eq), spec.substring(eq + 1)});
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    String call = tool == null ? "tools/call" : tool;
    // Cold starts are interleaved (one of each server in turn, run after run), so a burst of load
    // from whatever else runs on the machine falls on every server alike, not on one of them.
    var cold = new double[servers.size()][runs];
    // CPU time (user + system) of the server process until its answer: what the start costs,
    // much less sensitive than wall time to what else runs on the machine.
    var cpu = new double[servers.size()][runs];
    for (int r = 0; r < runs; r++) {
      for (int s = 0; s < servers.size(); s++) {
        if (r == 0) {
          System.err.println("measuring " + servers.get(s)[0]);
        }
        double[] start = coldStart(Arrays.asList(servers.get(s)[1].split(" ")));
        cold[s][r] = start[0];
        cpu[s][r] = start[1];
      }
    }
    System.out.println("| server | cold start p50 (ms) | min (ms) | max (ms) | CPU to answer p50 (ms) | " + call + " p50 (ms) | p99 (ms) | calls/s |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (int s = 0; s < servers.size(); s++) {
      String[] server = servers.get(s);
      List<String> cmd = Arrays.asList(server[1].split(" "));
      double[] times = cold[s];
      Arrays.sort(times);
      double[] cpuTimes = cpu[s];
      Arrays.sort(cpuTimes);
      String table = "cold start, median of " + runs;
      record(table, server[0], "cold start p50 (ms)", String.format(Locale.ROOT, "%.0f", times[runs / 2]));
      record(table, server[0], "cold start min (ms)", String.format(Locale.ROOT, "%.0f", times[0]));
      record(table, server[0], "cold start max (ms)", String.format(Locale.ROOT, "%.0f", times[runs - 1]));
      record(table, server[0], "CPU to answer p50 (ms)", String.format(Locale.ROOT, "%.0f", cpuTimes[runs / 2]));
      String roundTrip = "n/a | n/a | n/a";
      if (tool != null) {
        String[] rt = roundTrips(cmd, tool, toolArgs, warmup, calls);
        roundTrip = String.join(" | ", rt);
        table = call + " round trips, " + calls + " after " + warmup + " warm-up";
        record(table, server[0], "p50 (ms)", rt[0]);
        record(table, server[0], "p99 (ms)", rt[1]);
        record(table, server[0], "calls/s", rt[2]);
      }
      System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %s |%n",
          server[0], times[runs / 2], times[0], times[runs - 1], cpuTimes[runs / 2], roundTrip);
    }
  }

  /** Starts a server whose stderr is discarded and which is killed if it outlives the deadline. */
  static Process start(List<String> cmd, int seconds) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    var watchdog = new Thread(() -> {
      try {
        if (!p.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS)) {
          System.err.println("killing " + cmd.get(0) + " after " + seconds + " s without finishing");
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    watchdog.setDaemon(true);
    watchdog.start();
    return p;
  }

  /** Wall time from spawn to the initialize answer, and the server's CPU time until then (ms). */
  static double[] coldStart(List<String> cmd) throws Exception {
    long start = System.nanoTime();
    Process p = start(cmd, 30);
    try {
      OutputStream in = p.getOutputStream();
      in.write((INIT + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      if (line == null || !line.contains("\"result\"")) {
        throw new IllegalStateException("no initialize result from " + cmd + ": " + line);
      }
      double wall = (System.nanoTime() - start) / 1e6;
      double cpu = p.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
      return new double[] {wall, cpu};
    } finally {
      p.destroyForcibly().waitFor();
    }
  }

  static String[] roundTrips(List<String> cmd, String tool, String toolArgs, int warmup, int calls)
      throws Exception {
    Process p = start(cmd, 300);
    try {
      OutputStream in = p.getOutputStream();
      var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8), 1 << 16);
      in.write((INIT + "\n" + INITIALIZED + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      out.readLine();
      long[] times = new long[calls];
      long total = System.nanoTime();
      for (int i = 0; i < warmup + calls; i++) {
        if (i == warmup) {
          total = System.nanoTime();
        }
        String call =
            "{\"jsonrpc\":\"2.0\",\"id\":" + (i + 1) + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                + tool + "\",\"arguments\":" + toolArgs + "}}\n";
        long t0 = System.nanoTime();
        in.write(call.getBytes(StandardCharsets.UTF_8));
        in.flush();
        var idPattern = java.util.regex.Pattern.compile("\"id\":" + (i + 1) + "[,}]");
        String line;
        do {
          line = out.readLine();
          if (line == null) {
            throw new IllegalStateException("server closed stdout");
          }
        } while (line.contains("\"method\"") || !idPattern.matcher(line).find());
        if (line.contains("\"isError\":true")) {
          throw new IllegalStateException("tool error: " + line);
        }
        if (i >= warmup) {
          times[i - warmup] = System.nanoTime() - t0;
        }
      }
      double seconds = (System.nanoTime() - total) / 1e9;
      Arrays.sort(times);
      return new String[] {
        String.format(Locale.ROOT, "%.3f", times[calls / 2] / 1e6),
        String.format(Locale.ROOT, "%.3f", times[(int) (calls * 0.99)] / 1e6),
        String.format(Locale.ROOT, "%.0f", calls / seconds)
      };
    } finally {
      p.destroyForcibly().waitFor();
    }
  }

  /** Appends one figure to the file named by DEVHOST_BENCH_RESULTS, if set, for docs/benchmarks.md. */
  static void record(String table, String subject, String metric, String value) throws Exception {
    String file = System.getenv("DEVHOST_BENCH_RESULTS");
    if (file != null) {
      Files.writeString(Path.of(file), table + "\t" + subject + "\t" + metric + "\t" + value + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }
}

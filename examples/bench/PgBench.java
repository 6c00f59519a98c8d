import io.devhost.core.ResultLimits;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolRunner;
import io.devhost.core.ToolSpec;
import io.devhost.pg.DatabaseConfig;
import io.devhost.pg.DatabaseUrl;
import io.devhost.pg.PgLimits;
import io.devhost.pg.PostgresToolset;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the PostgreSQL toolset: SELECT 1 and a 1,000-row query through raw JDBC, through the
 * in-process tool runner, through DevHost over MCP stdio, and through the reference Node server
 * over MCP stdio (when its path is given); then a 1,000,000-row query without LIMIT through both
 * servers (time, response size, peak RSS of the server process).
 *
 * <p>Run by examples/bench/pg.sh: java -cp devhost.jar PgBench.java DEVHOST_JAR [REFERENCE_JS]. With
 * DEVHOST_BENCH_RESULTS set (examples/bench/run.sh does), the figures are also appended to that file
 * as tab-separated "table, subject, metric, value" lines.
 */
public class PgBench {

  static final int SELECT1_WARMUP = 500;
  static final int SELECT1_RUNS = 2000;
  static final int ROWS_WARMUP = 1000;
  static final int ROWS_RUNS = 300;

  /** A client mapper that accepts the reference's single text value of over 100 M characters. */
  static final JsonMapper HUGE_STRINGS = JsonMapper.builder(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
      .build()).build();

  public static void main(String[] args) throws Exception {
    String jar = args[0];
    String reference = args.length > 1 ? args[1] : null;
    Path dir = Files.createTempDirectory("devhost-pg-bench");
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data")).start()) {
      String base = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
      prepare(base);
      String libpq = "postgresql://bench_ro@localhost:" + pg.getPort() + "/postgres";
      System.out.printf("PostgreSQL on port %d, %d cores, %s%n%n", pg.getPort(),
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

      try (Connection raw = DriverManager.getConnection(base, "bench_ro", null)) {
        report("SELECT 1", "raw JDBC", time(SELECT1_WARMUP, SELECT1_RUNS, () -> jdbc(raw, "SELECT 1")));
        report("1,000 rows", "raw JDBC", time(ROWS_WARMUP, ROWS_RUNS, () -> jdbc(raw, "SELECT * FROM rows_1k")));
      }

      try (var tools = PostgresToolset.of(
          List.of(DatabaseConfig.of("bench", DatabaseUrl.parse(libpq), false, false)), PgLimits.DEFAULT)) {
        var query = tools.tools().stream().filter(t -> t.name().equals("query")).findFirst().orElseThrow();
        var runner = new ToolRunner(ResultLimits.DEFAULT);
        report("SELECT 1", "DevHost tool runner", time(SELECT1_WARMUP, SELECT1_RUNS,
            () -> run(runner, query, Map.of("sql", "SELECT 1"))));
        report("1,000 rows", "DevHost tool runner", time(ROWS_WARMUP, ROWS_RUNS,
            () -> run(runner, query, Map.of("sql", "SELECT * FROM rows_1k", "maxRows", 1000))));
      }

      Path devhostPid = dir.resolve("devhost.pid");
      // The per-session rate limit (600 calls/min by default) would measure the limiter.
      try (var client = client(devhostPid, "java", "-jar", jar, "serve", "--rate-limit", "0", "--toolsets", "pg",
          "--db", "bench=" + libpq)) {
        mcpSuite(client, "DevHost over MCP stdio", devhostPid, Map.of("maxRows", 1000));
      }
      if (reference != null) {
        Path refPid = dir.resolve("reference.pid");
        try (var client = client(refPid, "node", reference, libpq)) {
          mcpSuite(client, "reference server-postgres over MCP stdio", refPid, Map.of());
        }
      }
    }
  }

  interface Call {
    void run() throws Exception;
  }

  static void prepare(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", null); var s = c.createStatement()) {
      s.execute("CREATE ROLE bench_ro LOGIN");
      s.execute("GRANT pg_read_all_data TO bench_ro");
      s.execute("CREATE TABLE rows_1k AS SELECT g AS id, 'name-' || g AS name,"
          + " (g * 7 % 10000) / 100.0 AS amount, timestamptz '2024-01-01' + g * interval '1 minute' AS created"
          + " FROM generate_series(1, 1000) g");
      s.execute("CREATE TABLE rows_1m AS SELECT g AS id, 'customer-' || g AS name,"
          + " (g * 7 % 10000) / 100.0 AS amount, timestamptz '2024-01-01' + g * interval '1 second' AS created"
          + " FROM generate_series(1, 1000000) g");
      s.execute("VACUUM ANALYZE");
    }
  }

  static void jdbc(Connection c, String sql) throws Exception {
    try (var ps = c.prepareStatement(sql); var rs = ps.executeQuery()) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          rs.getObject(i);
        }
      }
    }
  }

  static void run(ToolRunner runner, ToolSpec<?, ?> tool, Map<String, Object> args) {
    var outcome = runner.run(tool, args, ToolContext.DETACHED);
    if (outcome.isError()) {
      throw new IllegalStateException(outcome.result().toString());
    }
  }

  static McpSyncClient client(Path pidFile, String... command) {
    // The shell records the server's pid for the peak-memory reading, then becomes the server;
    // its stderr stays a pipe that the transport drains and this handler drops.
    String line = "echo $$ > " + pidFile + "; exec " + String.join(" ", command);
    var params = ServerParameters.builder("sh").args("-c", line).build();
    // The reference answers the 1M-row query with one message of hundreds of MB: allow it.
    var transport = new StdioClientTransport(
        params, new JacksonMcpJsonMapper(HUGE_STRINGS), 1_500_000_000);
    transport.setStdErrorHandler(ignored -> {});
    var client = McpClient.sync(transport)
        .requestTimeout(Duration.ofMinutes(3)).initializationTimeout(Duration.ofMinutes(1)).build();
    client.initialize();
    return client;
  }

  static McpSchema.CallToolResult call(McpSyncClient client, String sql, Map<String, Object> extra) {
    var args = new java.util.HashMap<String, Object>(extra);
    args.put("sql", sql);
    var result = client.callTool(new McpSchema.CallToolRequest("query", args));
    if (Boolean.TRUE.equals(result.isError())) {
      throw new IllegalStateException(result.content().toString());
    }
    return result;
  }

  static void mcpSuite(McpSyncClient client, String who, Path pidFile, Map<String, Object> rowsArgs)
      throws Exception {
    report("SELECT 1", who, time(SELECT1_WARMUP, SELECT1_RUNS, () -> call(client, "SELECT 1", Map.of())));
    report("1,000 rows", who, time(ROWS_WARMUP, ROWS_RUNS,
        () -> call(client, "SELECT * FROM rows_1k", rowsArgs)));
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    long before = peakRssKb(pid);
    long started = System.nanoTime();
    var result = call(client, "SELECT * FROM rows_1m", Map.of());
    double ms = (System.nanoTime() - started) / 1e6;
    long size = result.content().stream()
        .mapToLong(c -> c instanceof McpSchema.TextContent t ? t.text().length() : 0).sum();
    Object structured = result.structuredContent();
    String page = structured instanceof Map<?, ?> m
        ? m.get("rowCount") + " rows, truncated=" + m.get("truncated")
        : "all rows in one text block";
    long after = peakRssKb(pid);
    System.out.printf("%-12s %-44s %10.1f ms  text %,d chars, %s; server peak RSS %,d MB before -> %,d MB after%n",
        "1M rows", who, ms, size, page, before / 1024, after / 1024);
    String table = "SELECT * FROM a 1,000,000-row table, no LIMIT";
    record(table, who, "time (ms)", String.format(Locale.ROOT, "%.1f", ms));
    record(table, who, "text (chars)", String.valueOf(size));
    record(table, who, "answer", page);
    record(table, who, "peak RSS before (MB)", String.valueOf(before / 1024));
    record(table, who, "peak RSS after (MB)", String.valueOf(after / 1024));
  }

  static long peakRssKb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  static double[] time(int warmup, int runs, Call call) throws Exception {
    for (int i = 0; i < warmup; i++) {
      call.run();
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      call.run();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }

  static void report(String what, String who, double[] sorted) throws Exception {
    double p50 = sorted[sorted.length / 2];
    double p95 = sorted[(int) (sorted.length * 0.95)];
    System.out.printf("%-12s %-44s p50 %8.3f ms  p95 %8.3f ms  (n=%d)%n", what, who, p50, p95, sorted.length);
    String table = "latency (n=" + SELECT1_RUNS + " for SELECT 1, " + ROWS_RUNS + " for 1,000 rows)";
    record(table, who, what + " p50 (ms)", String.format(Locale.ROOT, "%.3f", p50));
    record(table, who, what + " p95 (ms)", String.format(Locale.ROOT, "%.3f", p95));
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

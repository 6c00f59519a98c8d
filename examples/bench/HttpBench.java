import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * tools/call throughput and latency of a running DevHost: Streamable HTTP with 1, 8 and 64
 * concurrent clients (one MCP session and one keep-alive connection each), then stdio with one
 * client. The clients are deliberately thin (JDK HttpClient, raw JSON-RPC lines) so the figures
 * are the server's, not a client library's.
 *
 * <p>Run through examples/bench/http.sh, which starts the server:
 * {@code java HttpBench.java URL SERVER_PID JAR CALLS_PER_CLIENT [REFERENCE_URL REFERENCE_PID]}; with
 * the reference (server-everything over Streamable HTTP) its echo tool is measured the same way. With DEVHOST_BENCH_RESULTS set
 * (examples/bench/run.sh does), the figures are also appended to that file as tab-separated
 * "table, subject, metric, value" lines.
 */
public class HttpBench {

  static final String INIT =
      "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";
  static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

  /** DevHost's cheap read tool; the reference server-everything's counterpart is echo. */
  static final String DEVHOST_CALL = "{\"name\":\"list_allowed_directories\",\"arguments\":{}}";
  static final String REFERENCE_CALL = "{\"name\":\"echo\",\"arguments\":{\"message\":\"ping\"}}";

  static String call(long id, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":" + params + "}";
  }

  /** One client's way of making a call; returns the response text. */
  interface Client {
    String call(long id) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    URI mcp = URI.create(args[0]);
    long serverPid = Long.parseLong(args[1]);
    String jar = args[2];
    int calls = Integer.parseInt(args[3]);
    System.out.printf("%-28s %8s %10s %9s %9s %12s%n", "transport", "clients", "calls/s", "p50 ms", "p99 ms", "server RSS");
    httpRuns("streamable-http", mcp, DEVHOST_CALL, serverPid, calls);
    var stdio = stdioSession(jar);
    measure(List.of(stdio), Math.max(500, calls / 2));
    print("stdio", 1, measure(List.of(stdio), calls), -1, calls);
    if (args.length > 5) {
      httpRuns("reference server-everything", URI.create(args[4]), REFERENCE_CALL,
          Long.parseLong(args[5]), calls);
    }
    System.exit(0);
  }

  static void httpRuns(String label, URI mcp, String params, long serverPid, int calls)
      throws Exception {
    for (int clients : new int[] {1, 8, 64}) {
      var sessions = new ArrayList<Client>();
      for (int i = 0; i < clients; i++) {
        sessions.add(httpSession(mcp, params));
      }
      measure(sessions, Math.max(500, calls / 2)); // warm-up: JIT, pools
      var r = measure(sessions, calls);
      print(label, clients, r, rssKb(serverPid), calls);
    }
  }

  static Client httpSession(URI mcp, String params) throws Exception {
    var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    var init = http.send(post(mcp, null, INIT), HttpResponse.BodyHandlers.ofString());
    String session = init.headers().firstValue("mcp-session-id").orElseThrow();
    http.send(post(mcp, session, INITIALIZED), HttpResponse.BodyHandlers.discarding());
    return id -> http.send(post(mcp, session, call(id, params)), HttpResponse.BodyHandlers.ofString()).body();
  }

  static HttpRequest post(URI mcp, String session, String body) {
    var b = HttpRequest.newBuilder(mcp)
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return b.build();
  }

  static Client stdioSession(String jar) throws Exception {
    Path audit = Files.createTempDirectory("bench").resolve("audit.jsonl");
    var process = new ProcessBuilder("java", "-jar", jar, "serve", "--rate-limit", "0",
            "--audit-log", audit.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    OutputStream in = process.getOutputStream();
    var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Client client = id -> {
      in.write((call(id, DEVHOST_CALL) + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      return out.readLine();
    };
    in.write((INIT + "\n" + INITIALIZED + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
    out.readLine();
    return client;
  }

  record Result(long[] nanos, long wallNanos) {}

  static Result measure(List<Client> clients, int callsPerClient) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    var barrier = new CyclicBarrier(clients.size());
    var futures = new ArrayList<Future<long[]>>();
    long start = System.nanoTime();
    for (var client : clients) {
      futures.add(pool.submit(() -> {
        long[] own = new long[callsPerClient];
        barrier.await();
        for (int i = 0; i < callsPerClient; i++) {
          long t = System.nanoTime();
          String response = client.call(i + 1);
          own[i] = System.nanoTime() - t;
          if (!response.contains("\"result\"") || response.contains("\"isError\":true")) {
            throw new IllegalStateException("unexpected response: " + response);
          }
        }
        return own;
      }));
    }
    long[] all = new long[clients.size() * callsPerClient];
    int k = 0;
    for (var f : futures) {
      for (long v : f.get()) {
        all[k++] = v;
      }
    }
    long wall = System.nanoTime() - start;
    pool.shutdown();
    Arrays.sort(all);
    return new Result(all, wall);
  }

  static void print(String transport, int clients, Result r, long rssKb, int calls) throws Exception {
    double throughput = r.nanos().length / (r.wallNanos() / 1e9);
    double p50 = r.nanos()[r.nanos().length / 2] / 1e6;
    double p99 = r.nanos()[(int) (r.nanos().length * 0.99)] / 1e6;
    System.out.printf("%-28s %8d %10.0f %9.3f %9.3f %12s%n", transport, clients, throughput, p50, p99,
        rssKb < 0 ? "-" : (rssKb / 1024) + " MiB");
    String table = "tools/call (DevHost list_allowed_directories, reference echo), " + calls + " calls per client";
    String subject = transport + ", " + clients + (clients == 1 ? " client" : " clients");
    record(table, subject, "calls/s", String.format(Locale.ROOT, "%.0f", throughput));
    record(table, subject, "p50 (ms)", String.format(Locale.ROOT, "%.3f", p50));
    record(table, subject, "p99 (ms)", String.format(Locale.ROOT, "%.3f", p99));
    record(table, subject, "server RSS (MiB)", rssKb < 0 ? "–" : String.valueOf(rssKb / 1024));
  }

  /** Appends one figure to the file named by DEVHOST_BENCH_RESULTS, if set, for docs/benchmarks.md. */
  static void record(String table, String subject, String metric, String value) throws Exception {
    String file = System.getenv("DEVHOST_BENCH_RESULTS");
    if (file != null) {
      Files.writeString(Path.of(file), table + "\t" + subject + "\t" + metric + "\t" + value + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  static long rssKb(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}

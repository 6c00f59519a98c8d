package io.devhost.bridge.host;

import io.devhost.bridge.testing.FakeHttpMcpServer;
import io.devhost.bridge.testing.ModernToolServer;
import io.devhost.bridge.testing.TestServers;
import io.devhost.bridge.testing.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What telling a server's era costs per connection: the {@code server/discover} round trip a
 * handshake-era server answers before {@code initialize}. Over HTTP, connecting to a legacy server
 * with the probe against connecting straight with {@code initialize}, alternated, side by side.
 * Over stdio the server's start dominates a connection, so the probe's own round trip is timed on a
 * running legacy server (a second probe after the first has waited out the start). Run by {@code
 * examples/bench/era-probe.sh}; prints Markdown.
 */
public final class EraProbeBench {

  private static final int RUNS = 30;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private EraProbeBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("era-probe-bench");
    Workspace.create(dir);
    var features = new ClientFeatures(dir, UserConsole.NON_INTERACTIVE, null);
    System.out.printf(
        Locale.ROOT,
        "# era probe cost, %d cores, Java %s, %d runs each%n%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        RUNS);
    System.out.println("| connection | median | p90 |");
    System.out.println("|---|---|---|");
    try (var legacy = new FakeHttpMcpServer();
        var modern = ModernToolServer.http("modern", dir)) {
      var legacyUrl =
          new ServerConfig.Http("legacy", legacy.uri("/mcp"), java.util.Map.of(), false);
      var modernUrl = new ServerConfig.Http("modern", modern.uri(), java.util.Map.of(), false);
      var probed = new ArrayList<Double>();
      var direct = new ArrayList<Double>();
      var modernTimes = new ArrayList<Double>();
      for (int i = 0; i < RUNS + 3; i++) {
        double p = millis(() -> ServerConnections.open(legacyUrl, features, TIMEOUT));
        double d = millis(() -> LegacyConnection.open(legacyUrl, features, TIMEOUT));
        double m = millis(() -> ServerConnections.open(modernUrl, features, TIMEOUT));
        if (i >= 3) { // the first runs warm the JIT
          probed.add(p);
          direct.add(d);
          modernTimes.add(m);
        }
      }
      row("HTTP, legacy server, initialize only (anchor)", direct);
      row("HTTP, legacy server, server/discover then initialize", probed);
      row("HTTP, 2026-07-28 server, server/discover", modernTimes);
    }
    var roundTrips = new ArrayList<Double>();
    for (int i = 0; i < 5; i++) {
      Process child = ChildProcess.start(TestServers.toolServer("legacy", dir));
      try {
        StdioProbe.probe(child, TIMEOUT); // waits out the JVM's start
        for (int j = 0; j < RUNS / 5; j++) {
          long start = System.nanoTime();
          var answer = StdioProbe.probe(child, TIMEOUT);
          roundTrips.add((System.nanoTime() - start) / 1e6);
          if (!(answer instanceof StdioProbe.Error)) {
            throw new IllegalStateException("expected an error from a legacy server: " + answer);
          }
        }
      } finally {
        ChildProcess.stop(child);
      }
    }
    row("stdio, legacy server, the server/discover round trip alone", roundTrips);
    System.exit(0);
  }

  private static double millis(Supplier<ServerConnection> connect) {
    long start = System.nanoTime();
    try (var connection = connect.get()) {
      return (System.nanoTime() - start) / 1e6;
    }
  }

  private static void row(String name, List<Double> times) {
    var sorted = times.stream().sorted().toList();
    System.out.printf(
        Locale.ROOT,
        "| %s | %.2f ms | %.2f ms |%n",
        name,
        sorted.get(sorted.size() / 2),
        sorted.get((int) (sorted.size() * 0.9)));
  }
}

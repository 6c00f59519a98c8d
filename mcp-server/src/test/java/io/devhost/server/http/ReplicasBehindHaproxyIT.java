package io.devhost.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devhost.core.Json;
import io.devhost.server.testing.DevhostReplica;
import io.devhost.server.testing.HaproxyFront;
import io.devhost.server.testing.LocalIssuer;
import io.devhost.server.testing.RawHttp;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.modern.client.McpSyncElicitationHandler;
import io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport;
import io.modelcontextprotocol.modern.client.transport.McpHttpRequestCustomizer;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

/**
 * Three DevHost replicas, each its own process from the built jar, behind a real HAProxy running
 * {@code deploy/haproxy/haproxy.cfg} (Debian package; skipped where it is not installed). They
 * share one workspace, one identity provider, one public URL and one audit file, and also audit on
 * stdout as a log collector would gather it.
 *
 * <p>Shown here: legacy (2025-11-25) sessions are spread round-robin and pinned to their replica by
 * {@code Mcp-Session-Id}; a 2026-07-28 client's listings and calls are spread evenly, one request
 * per replica in turn (counted in HAProxy's log and in the audit records); a 2026-07-28
 * confirmation asked by one replica is answered on the next, which verifies the signed {@code
 * requestState} with the shared {@code --state-key-file} and runs the call once; every caller's
 * token works on whichever replica serves it; a replica killed with SIGKILL mid-run loses its own
 * legacy sessions only, whose clients start new ones on the others, while modern calls and new
 * sessions carry on on the others; every acknowledged write exists once on disk and in the audit
 * once, nothing ran twice; the shared file and the replicas' stdout hold the same records, each
 * naming its replica. On a 2-core machine this shows correctness and spread, not speed-up.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ReplicasBehindHaproxyIT {

  private static final Path CONFIG = Path.of("..", "deploy", "haproxy", "haproxy.cfg");
  private static final List<String> REPLICAS = List.of("one", "two", "three");
  private static final List<String> USERS =
      List.of("alice", "bob", "carol", "dave", "erin", "frank");
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  @TempDir Path dir;

  @Test
  void legacySessionsArePinnedAndSpreadAndAKilledReplicaLosesNoCall() throws Exception {
    assumeTrue(
        Files.isExecutable(HaproxyFront.EXECUTABLE),
        "haproxy is not installed (.ci/run installs it)");
    Path workspace = Files.createDirectories(dir.resolve("workspace").resolve("calls"));
    Path sharedAudit = dir.resolve("audit.jsonl");
    Path stateKey = sharedStateKey();
    int front = freePort();
    String audience = "http://127.0.0.1:" + front + "/mcp";
    try (var issuer = LocalIssuer.start()) {
      var replicas = new LinkedHashMap<String, DevhostReplica>();
      try {
        for (String name : REPLICAS) {
          replicas.put(
              name,
              DevhostReplica.start(
                  name,
                  dir,
                  List.of(
                      "--toolsets", "fs",
                      "--roots", workspace.getParent().toString(),
                      "--audit-log", sharedAudit.toString(),
                      "--state-key-file", stateKey.toString(),
                      "--oauth-issuer", issuer.issuer().toString(),
                      "--oauth-audience", audience)));
        }
        var environment = new LinkedHashMap<String, String>();
        environment.put("DEVHOST_FRONT", "127.0.0.1:" + front);
        for (int i = 0; i < REPLICAS.size(); i++) {
          int port = replicas.get(REPLICAS.get(i)).awaitPort(Duration.ofSeconds(60));
          environment.put("DEVHOST_REPLICA_" + (i + 1), "127.0.0.1:" + port);
        }
        try (var haproxy =
            HaproxyFront.start(CONFIG, environment, front, dir.resolve("haproxy.log"))) {
          var acknowledged = new ArrayList<String>();
          var clients = new LinkedHashMap<String, McpSyncClient>();
          for (String user : USERS) {
            clients.put(
                user, connect(front, issuer.token(audience, user, "devhost:read devhost:write")));
          }
          for (int round = 0; round < 2; round++) {
            for (String user : USERS) {
              acknowledged.add(write(clients.get(user), user + "-" + round));
            }
          }

          var servedBy = replicaOfEachCaller(records(sharedAudit));
          assertThat(servedBy.keySet()).containsExactlyInAnyOrderElementsOf(USERS);
          // Round-robin gives each replica two of the six; on a loaded machine a slow health check
          // can take a replica out for a moment and shift one, so the test asks only that all
          // serve.
          assertThat(Set.copyOf(servedBy.values()))
              .as("six sessions round-robin over three replicas: %s", servedBy)
              .containsExactlyInAnyOrderElementsOf(REPLICAS);

          // 2026-07-28: no session and so no stickiness; each request goes to the next replica.
          var modern =
              modernClient(front, issuer.token(audience, "mia", "devhost:read devhost:write"));
          for (int i = 0; i < 9; i++) {
            assertThat(modern.tools().list().tools())
                .extracting(io.modelcontextprotocol.modern.McpSchema.Tool::name)
                .contains("write_file");
          }
          for (int i = 0; i < 9; i++) {
            acknowledged.add(writeModern(modern, "mia-" + i));
          }
          // Three each in turn; two to four each where a slow health check shifted one.
          assertThat(countByReplica(records(sharedAudit), "mia"))
              .as("nine modern calls, counted in the audit records")
              .containsOnlyKeys("one", "two", "three")
              .allSatisfy((replica, calls) -> assertThat(calls).isBetween(2L, 4L));
          assertThat(countByServer(dir.resolve("haproxy.log"), "tools/list"))
              .as("nine modern listings, counted in HAProxy's log")
              .containsOnlyKeys("one", "two", "three")
              .allSatisfy((replica, lists) -> assertThat(lists).isBetween(2L, 4L));

          // A confirmation round trip: one replica asks (InputRequiredResult with a signed
          // requestState), the SDK client's user accepts, and the retry, sent to the next replica
          // round-robin, is verified there with the shared key and runs there, once.
          var confirming =
              modernClient(
                  front,
                  issuer.token(audience, "nora", "devhost:read devhost:write"),
                  form ->
                      io.modelcontextprotocol.modern.McpSchema.ElicitResult.accept(
                          Map.of("confirm", true)));
          Path haproxyLog = dir.resolve("haproxy.log");
          int callsBefore = serversOf(haproxyLog, "tools/call").size();
          for (int i = 0; i < 3; i++) {
            acknowledged.add(writeModern(confirming, "nora-" + i));
          }
          var rounds =
              awaitServersOf(haproxyLog, "tools/call", callsBefore + 6)
                  .subList(callsBefore, callsBefore + 6);
          var confirmed =
              records(sharedAudit).stream().filter(r -> "nora".equals(r.get("caller"))).toList();
          assertThat(confirmed)
              .extracting(r -> r.get("decision"))
              .containsOnly("confirmed")
              .hasSize(3);
          for (int i = 0; i < 3; i++) {
            assertThat(rounds.get(2 * i + 1))
                .as("question %d asked by %s, answered on another replica", i, rounds.get(2 * i))
                .isNotEqualTo(rounds.get(2 * i));
            assertThat(confirmed.get(i).get("replica")).isEqualTo(rounds.get(2 * i + 1));
          }

          replicas.get("three").kill();

          // Modern calls go on without a hitch: nothing of theirs lived in "three".
          for (int i = 0; i < 6; i++) {
            acknowledged.add(writeModern(modern, "mia-after-kill-" + i));
          }

          // Each session of "three" is gone with it: its next call fails before any tool runs
          // (another replica does not know the session), the SDK client starts a new session
          // through the balancer, and the call, sent again, runs there once.
          for (String user : USERS) {
            String name = user + "-after-kill";
            try {
              acknowledged.add(write(clients.get(user), name));
            } catch (RuntimeException sessionGone) {
              assertThat(servedBy.get(user))
                  .as("%s failed: %s", user, sessionGone)
                  .isEqualTo("three");
              assertThat(workspace.resolve(name + ".txt"))
                  .as("a failed call ran nothing")
                  .doesNotExist();
              acknowledged.add(write(clients.get(user), name));
            }
          }
          // New sessions right after the kill: refused connections are retried on the others.
          for (String user : List.of("gina", "hank", "ivan")) {
            var client = connect(front, issuer.token(audience, user, "devhost:read devhost:write"));
            clients.put(user, client);
            acknowledged.add(write(client, user + "-new"));
          }
          clients.values().forEach(McpSyncClient::closeGracefully);

          var shared = records(sharedAudit);
          var writes = shared.stream().filter(r -> "write_file".equals(r.get("tool"))).toList();
          try (Stream<Path> files = Files.list(workspace)) {
            assertThat(files.map(f -> "calls/" + f.getFileName()))
                .as("every acknowledged call wrote its file, and nothing else was written")
                .containsExactlyInAnyOrderElementsOf(acknowledged);
          }
          assertThat(writes.stream().map(r -> pathOf(r)).toList())
              .as("each call ran once: one audit record per file")
              .containsExactlyInAnyOrderElementsOf(acknowledged);
          assertThat(writes)
              .filteredOn(
                  r -> pathOf(r).endsWith("-after-kill.txt") || pathOf(r).endsWith("-new.txt"))
              .allSatisfy(r -> assertThat(r.get("replica")).isIn("one", "two"));
          assertThat(writes).allSatisfy(r -> assertThat(r.get("caller")).isNotNull());
          for (String user : servedBy.keySet()) {
            assertThat(writes)
                .filteredOn(r -> user.equals(r.get("caller")) && !pathOf(r).contains("after-kill"))
                .as("%s's legacy session stayed on one replica", user)
                .extracting(r -> r.get("replica") + "/" + r.get("session"))
                .hasSize(2)
                .containsOnly(servedBy.get(user) + "/" + sessionOf(writes, user));
          }

          // One place, two ways: the shared file holds exactly what the replicas wrote on stdout.
          var collected = new ArrayList<Map<String, Object>>();
          replicas.values().forEach(r -> collected.addAll(r.stdoutRecords()));
          assertThat(identities(shared)).isEqualTo(identities(collected)).hasSize(shared.size());

          var metadata =
              RawHttp.send(
                  front,
                  "GET",
                  "/.well-known/oauth-protected-resource/mcp",
                  Map.of("Host", "127.0.0.1:" + front),
                  null);
          assertThat(metadata.body()).contains("\"resource\":\"" + audience + "\"");
        }
      } finally {
        for (var replica : replicas.values()) {
          replica.close();
        }
      }
    }
  }

  private static String write(McpSyncClient client, String name) {
    String path = "calls/" + name + ".txt";
    var result =
        client.callTool(
            new McpSchema.CallToolRequest(
                "write_file", Map.of("path", path, "content", name + "\n")));
    assertThat(result.isError()).as("%s: %s", path, result.content()).isFalse();
    return path;
  }

  private static String writeModern(
      io.modelcontextprotocol.modern.client.McpSyncClient client, String name) {
    String path = "calls/" + name + ".txt";
    var result =
        client.tool("write_file").arguments(Map.of("path", path, "content", name + "\n")).call();
    assertThat(result.isError()).as("%s: %s", path, result.content()).isNotEqualTo(Boolean.TRUE);
    return path;
  }

  /** How many of {@code caller}'s calls each replica ran, from the audit records. */
  private static Map<Object, Long> countByReplica(
      List<Map<String, Object>> records, String caller) {
    return records.stream()
        .filter(r -> caller.equals(r.get("caller")))
        .collect(Collectors.groupingBy(r -> r.get("replica"), Collectors.counting()));
  }

  /** How many requests of one 2026-07-28 method each server got, from HAProxy's request log. */
  private static Map<String, Long> countByServer(Path log, String method) throws Exception {
    return serversOf(log, method).stream()
        .collect(Collectors.groupingBy(server -> server, Collectors.counting()));
  }

  /** The servers of one 2026-07-28 method's requests, in the order HAProxy logged them. */
  private static List<String> serversOf(Path log, String method) throws Exception {
    var line = Pattern.compile(" devhost/(\\S+) .*\\{" + Pattern.quote(method) + "\\} \"POST /mcp");
    return Files.readAllLines(log).stream()
        .map(line::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .toList();
  }

  /** HAProxy logs a request when it ends, a moment after the client has its response. */
  private static List<String> awaitServersOf(Path log, String method, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    var servers = serversOf(log, method);
    while (servers.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
      servers = serversOf(log, method);
    }
    assertThat(servers).hasSizeGreaterThanOrEqualTo(count);
    return servers;
  }

  private Path sharedStateKey() throws Exception {
    var bytes = new byte[48];
    new java.security.SecureRandom().nextBytes(bytes);
    Path key =
        Files.writeString(
            dir.resolve("state.key"), java.util.Base64.getEncoder().encodeToString(bytes));
    Files.setPosixFilePermissions(
        key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    return key;
  }

  private static io.modelcontextprotocol.modern.client.McpSyncClient modernClient(
      int front, String token) {
    return modernClient(front, token, null);
  }

  /** A 2026-07-28 client; {@code answer} fills in confirmation forms, null declares no forms. */
  private static io.modelcontextprotocol.modern.client.McpSyncClient modernClient(
      int front,
      String token,
      McpSyncElicitationHandler<io.modelcontextprotocol.modern.McpSchema.ElicitFormRequest>
          answer) {
    var transport =
        HttpClientMcpTransport.builder(URI.create("http://127.0.0.1:" + front + "/mcp"))
            .requestCustomizer(
                McpHttpRequestCustomizer.fromSync(
                    (request, headers, context) -> headers.set("Authorization", "Bearer " + token)))
            .build();
    var builder =
        io.modelcontextprotocol.modern.client.McpClient.sync(transport)
            .clientInfo(
                new io.modelcontextprotocol.modern.McpSchema.Implementation(
                    "devhost-modern-test", null, "1.0", null, null, null));
    if (answer != null) {
      builder.formElicitation(answer);
    }
    return builder.build();
  }

  private static List<Map<String, Object>> records(Path file) throws Exception {
    return Files.readAllLines(file).stream().map(line -> Json.MAPPER.readValue(line, MAP)).toList();
  }

  /** Which replica served each caller's first write: its legacy session lives there. */
  private static Map<String, String> replicaOfEachCaller(List<Map<String, Object>> records) {
    var servedBy = new LinkedHashMap<String, String>();
    for (var r : records) {
      if ("write_file".equals(r.get("tool"))) {
        servedBy.putIfAbsent((String) r.get("caller"), (String) r.get("replica"));
      }
    }
    return servedBy;
  }

  private static Object sessionOf(List<Map<String, Object>> writes, String user) {
    return writes.stream()
        .filter(r -> user.equals(r.get("caller")))
        .findFirst()
        .orElseThrow()
        .get("session");
  }

  @SuppressWarnings("unchecked")
  private static String pathOf(Map<String, Object> record) {
    return String.valueOf(((Map<String, Object>) record.get("arguments")).get("path"));
  }

  private static Set<String> identities(List<Map<String, Object>> records) {
    var seen = new HashSet<String>();
    for (var r : records) {
      seen.add(
          r.get("replica")
              + " "
              + r.get("session")
              + " "
              + r.get("time")
              + " "
              + r.get("arguments"));
    }
    return seen;
  }

  private static McpSyncClient connect(int front, String token) {
    var transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + front)
            .endpoint("/mcp")
            .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
            .build();
    var client =
        McpClient.sync(transport)
            .clientInfo(new McpSchema.Implementation("devhost-test", "1.0"))
            .requestTimeout(Duration.ofSeconds(20))
            .build();
    client.initialize();
    return client;
  }

  private static int freePort() throws Exception {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

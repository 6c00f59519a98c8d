package io.devhost.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devhost.server.auth.OAuthSettings;
import io.devhost.server.auth.ScopeMap;
import io.devhost.server.testing.LocalIssuer;
import io.devhost.server.testing.RawHttp;
import io.devhost.server.testing.TestServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two DevHost replicas behind a real HAProxy (Debian package; skipped where it is not installed),
 * sharing one identity provider and one public URL: legacy (2025-11-25) Streamable HTTP sessions
 * are pinned to their replica by {@code Mcp-Session-Id}, every caller's token is accepted by
 * whichever replica serves it, and each replica's audit log names the callers it served.
 */
class ReplicasBehindHaproxyIT {

  private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
  private static final List<String> USERS = List.of("alice", "bob", "carol", "dave");

  @TempDir Path dir;

  @Test
  void sessionsArePinnedAndEachReplicaAuditsTheCallersItServed() throws Exception {
    assumeTrue(Files.isExecutable(HAPROXY), "haproxy is not installed (.ci/run installs it)");
    int front = freePort();
    String audience = "http://127.0.0.1:" + front + "/mcp";
    try (var issuer = LocalIssuer.start();
        var one = replica(issuer, audience, "one");
        var two = replica(issuer, audience, "two")) {
      Process haproxy = startHaproxy(front, one.port(), two.port());
      try {
        var clients = new ArrayList<McpSyncClient>();
        for (String user : USERS) {
          clients.add(connect(front, issuer.token(audience, user, "devhost:read")));
        }
        for (int round = 0; round < 3; round++) {
          for (int i = 0; i < USERS.size(); i++) {
            var result =
                clients
                    .get(i)
                    .callTool(
                        new McpSchema.CallToolRequest(
                            "echo", Map.of("text", USERS.get(i) + " " + round)));
            assertThat(result.isError()).as("%s round %d", USERS.get(i), round).isFalse();
          }
        }
        clients.forEach(McpSyncClient::closeGracefully);

        var records = new ArrayList<Map<String, Object>>(one.auditRecords());
        records.addAll(two.auditRecords());
        for (String user : USERS) {
          assertThat(records)
              .filteredOn(r -> "echo".equals(r.get("tool")) && user.equals(r.get("caller")))
              .hasSize(3)
              .allSatisfy(r -> assertThat(String.valueOf(r.get("arguments"))).contains(user + " "));
        }
        assertThat(one.auditRecords()).as("replica one served someone").isNotEmpty();
        assertThat(two.auditRecords()).as("replica two served someone").isNotEmpty();

        var metadata =
            RawHttp.send(
                front,
                "GET",
                "/.well-known/oauth-protected-resource/mcp",
                Map.of("Host", "127.0.0.1:" + front),
                null);
        assertThat(metadata.body()).contains("\"resource\":\"" + audience + "\"");
      } finally {
        haproxy.destroy();
        haproxy.waitFor();
      }
    }
  }

  private TestServer replica(LocalIssuer issuer, String audience, String name) throws Exception {
    return TestServer.start(
        Files.createDirectories(dir.resolve(name)),
        TestServer.Config.defaults()
            .withOAuth(new OAuthSettings(issuer.issuer(), null, audience, ScopeMap.DEFAULT)));
  }

  private Process startHaproxy(int front, int one, int two) throws Exception {
    Path config = dir.resolve("haproxy.cfg");
    Files.writeString(
        config,
        String.join(
            "\n",
            "defaults",
            "  mode http",
            "  timeout connect 5s",
            "  timeout client 60s",
            "  timeout server 60s",
            "frontend mcp",
            "  bind 127.0.0.1:" + front,
            "  default_backend devhost",
            "backend devhost",
            "  balance roundrobin",
            "  stick-table type string len 64 size 10k expire 30m",
            "  stick on req.hdr(Mcp-Session-Id)",
            "  stick store-response res.hdr(Mcp-Session-Id)",
            "  server one 127.0.0.1:" + one,
            "  server two 127.0.0.1:" + two,
            ""));
    Process process =
        new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("haproxy.log").toFile())
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try (var socket = new Socket("127.0.0.1", front)) {
        return process;
      } catch (java.io.IOException notYet) {
        assertThat(process.isAlive())
            .as("haproxy exited: %s", Files.readString(dir.resolve("haproxy.log")))
            .isTrue();
        Thread.sleep(50);
      }
    }
    process.destroy();
    throw new AssertionError("haproxy did not listen on " + front);
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

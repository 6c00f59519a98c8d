package io.devhost.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.server.testing.RawHttp;
import io.devhost.server.testing.TestServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpSecurityTest {

  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir, TestServer.Config.defaults().withToken(TestServer.TOKEN));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Map<String, String> headers(String... pairs) {
    var h = new LinkedHashMap<String, String>();
    h.put("Host", "127.0.0.1:" + server.port());
    h.put("Content-Type", "application/json");
    h.put("Accept", "application/json, text/event-stream");
    h.put("Authorization", "Bearer " + TestServer.TOKEN);
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        h.remove(pairs[i]);
      } else {
        h.put(pairs[i], pairs[i + 1]);
      }
    }
    return h;
  }

  private static RawHttp.Response post(Map<String, String> headers, String body) throws Exception {
    return RawHttp.send(server.port(), "POST", "/mcp", headers, body);
  }

  private static void assertNoInternals(RawHttp.Response response) {
    assertThat(response.body())
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("io.modelcontextprotocol")
        .doesNotContain("org.eclipse")
        .doesNotContain("java.");
  }

  @Test
  void missingTokenGets401WithWwwAuthenticate() throws Exception {
    var response = post(headers("Authorization", null), INITIALIZE);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.headers().get("www-authenticate")).startsWith("Bearer");
    assertNoInternals(response);
  }

  @Test
  void wrongTokenGets401() throws Exception {
    var response = post(headers("Authorization", "Bearer not-the-token-at-all-000000"), INITIALIZE);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body()).doesNotContain(TestServer.TOKEN);
  }

  @Test
  void rightTokenInitializes() throws Exception {
    var response = post(headers(), INITIALIZE);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers()).containsKey("mcp-session-id");
  }

  @Test
  void foreignOriginGets403() throws Exception {
    var response = post(headers("Origin", "https://evil.example"), INITIALIZE);

    assertThat(response.status()).isEqualTo(403);
    assertNoInternals(response);
  }

  @Test
  void nullOriginGets403() throws Exception {
    assertThat(post(headers("Origin", "null"), INITIALIZE).status()).isEqualTo(403);
  }

  @Test
  void localhostOriginOnAnyPortIsAccepted() throws Exception {
    assertThat(post(headers("Origin", "http://localhost:6274"), INITIALIZE).status())
        .isEqualTo(200);
  }

  @Test
  void foreignHostHeaderIsRefusedEvenWithTheToken() throws Exception {
    var response = post(headers("Host", "evil.example:" + server.port()), INITIALIZE);

    assertThat(response.status()).isEqualTo(403);
  }

  @Test
  void oversizedBodyGets413BeforeTheSdkSeesIt() throws Exception {
    var big =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}";

    var response = post(headers(), big);

    assertThat(response.status()).isEqualTo(413);
    assertNoInternals(response);
  }

  @Test
  void malformedJsonRpcGetsAnErrorWithoutInternals() throws Exception {
    var init = post(headers(), INITIALIZE);
    String session = init.headers().get("mcp-session-id");

    for (String body : List.of("{not json", "[1,2,3]", "{\"jsonrpc\":\"2.0\",\"id\":2}", "")) {
      var response = post(headers("Mcp-Session-Id", session), body);

      assertThat(response.status()).as(body).isBetween(400, 499);
      assertNoInternals(response);
    }
  }

  @Test
  void sessionIdCannotBeReusedAfterDelete() throws Exception {
    var init = post(headers(), INITIALIZE);
    String session = init.headers().get("mcp-session-id");
    post(
        headers("Mcp-Session-Id", session),
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

    var deleted =
        RawHttp.send(server.port(), "DELETE", "/mcp", headers("Mcp-Session-Id", session), null);
    var reused =
        post(
            headers("Mcp-Session-Id", session),
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\",\"params\":{}}");

    assertThat(deleted.status()).isLessThan(300);
    assertThat(reused.status()).isEqualTo(404);
    assertNoInternals(reused);
  }

  @Test
  void sessionIdsAreUnguessable() throws Exception {
    String a = post(headers(), INITIALIZE).headers().get("mcp-session-id");
    String b = post(headers(), INITIALIZE).headers().get("mcp-session-id");

    // UUID v4 ids come from SecureRandom: 122 random bits.
    assertThat(a).matches("[0-9a-f-]{36}").isNotEqualTo(b);
    assertThat(a.charAt(14)).isEqualTo('4');
  }

  @Test
  void unknownPathGets404WithoutInternals() throws Exception {
    var response = RawHttp.send(server.port(), "GET", "/nope", headers(), null);

    assertThat(response.status()).isEqualTo(404);
    assertNoInternals(response);
  }

  @Test
  void nonLoopbackBindWithoutTokenRefusesToStartAndSaysWhy() {
    assertThatThrownBy(
            () -> HttpSettings.of("0.0.0.0", 0, null, List.of(), List.of(), 1024, 1, 1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without a bearer token")
        .hasMessageContaining("DEVHOST_TOKEN");
  }

  @Test
  void nonLoopbackBindWithTokenIsAccepted() {
    var settings =
        HttpSettings.of("0.0.0.0", 0, TestServer.TOKEN, List.of(), List.of(), 1024, 1, 1, null);

    assertThat(settings.allowedHosts()).contains("localhost", "127.0.0.1");
  }

  @Test
  void legacySseEndpointsAreBehindTheSameChecks() throws Exception {
    var noToken = RawHttp.send(server.port(), "GET", "/sse", headers("Authorization", null), null);
    var foreign =
        RawHttp.send(server.port(), "GET", "/sse", headers("Origin", "https://evil.example"), null);
    var message =
        RawHttp.send(
            server.port(),
            "POST",
            "/message?sessionId=guess",
            headers("Authorization", null),
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");

    assertThat(noToken.status()).isEqualTo(401);
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(message.status()).isEqualTo(401);
  }

  @Test
  void metricsNeedTheTokenButHealthzDoesNot() throws Exception {
    var metrics =
        RawHttp.send(server.port(), "GET", "/metrics", headers("Authorization", null), null);
    var health =
        RawHttp.send(server.port(), "GET", "/healthz", headers("Authorization", null), null);

    assertThat(metrics.status()).isEqualTo(401);
    assertThat(health.status()).isEqualTo(200);
  }
}

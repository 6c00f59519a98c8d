package io.devhost.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.server.testing.RawHttp;
import io.devhost.server.testing.TestServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionCapTest {

  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  @TempDir Path dir;

  private static RawHttp.Response send(
      TestServer server, String method, String session, String body) throws Exception {
    var headers =
        new LinkedHashMap<>(
            Map.of(
                "Host", "127.0.0.1",
                "Content-Type", "application/json",
                "Accept", "application/json, text/event-stream"));
    if (session != null) {
      headers.put("Mcp-Session-Id", session);
    }
    return RawHttp.send(server.port(), method, "/mcp", headers, body);
  }

  @Test
  void sessionsPastTheCapAreRefusedUntilOneCloses() throws Exception {
    try (var server = TestServer.start(dir, TestServer.Config.defaults().withMaxSessions(2))) {
      String first = send(server, "POST", null, INITIALIZE).headers().get("mcp-session-id");
      assertThat(send(server, "POST", null, INITIALIZE).status()).isEqualTo(200);

      var refused = send(server, "POST", null, INITIALIZE);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.body()).contains("Too many open sessions");

      assertThat(send(server, "DELETE", first, null).status()).isLessThan(300);
      assertThat(send(server, "POST", null, INITIALIZE).status()).isEqualTo(200);
    }
  }

  @Test
  void legacySseStreamsCountAgainstTheSameCap() throws Exception {
    try (var server = TestServer.start(dir, TestServer.Config.defaults().withMaxSessions(1));
        var sse = server.sseClient()) {
      var refused = send(server, "POST", null, INITIALIZE);

      assertThat(refused.status()).isEqualTo(503);
    }
  }
}

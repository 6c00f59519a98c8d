package io.devhost.bridge.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.bridge.testing.FakeHttpMcpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host over Streamable HTTP and the legacy SSE transport, with configured headers. */
class McpHostHttpTest {

  @TempDir Path dir;

  @Test
  void connectsOverStreamableHttpAndSseAndSendsTheConfiguredHeaders() throws Exception {
    try (var server = new FakeHttpMcpServer()) {
      var servers =
          List.<ServerConfig>of(
              new ServerConfig.Http(
                  "web", server.uri("/mcp"), Map.of("Authorization", "Bearer t1"), false),
              new ServerConfig.Http(
                  "legacy", server.uri("/sse"), Map.of("Authorization", "Bearer t2"), true));

      try (var host =
          McpHost.connect(
              servers,
              new ClientFeatures(dir, UserConsole.NON_INTERACTIVE, null),
              Duration.ofSeconds(20))) {
        assertThat(host.tools())
            .extracting(HostTool::name)
            .containsExactly("web.echo", "legacy.echo");
        assertThat(host.servers())
            .containsExactly(
                "web: http-fake 1.0 (2025-11-25) over Streamable HTTP " + server.uri("/mcp"),
                "legacy: http-fake 1.0 (2024-11-05) over SSE " + server.uri("/sse"));

        assertThat(host.call(host.tools().get(0), Map.of("text", "hi")).text())
            .isEqualTo("echo: hi (auth Bearer t1)");
        assertThat(host.call(host.tools().get(1), Map.of("text", "ho")).text())
            .isEqualTo("echo: ho (auth Bearer t2)");
        assertThat(host.tools().get(0).readOnly()).isTrue();
      }
    }
  }
}

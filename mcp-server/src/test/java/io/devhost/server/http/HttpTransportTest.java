package io.devhost.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.server.testing.TestServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpTransportTest {

  @TempDir static Path dir;
  static TestServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir, TestServer.Config.defaults());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void streamableHttpClientInitializesListsAndCallsARealTool() {
    try (McpSyncClient client = server.streamableClient()) {
      assertThat(client.getServerInfo().name()).isEqualTo("devhost");
      var names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
      assertThat(names).contains("read_text_file", "list_directory", "echo", "delete_thing");

      var result =
          client.callTool(
              new McpSchema.CallToolRequest("read_text_file", Map.of("path", "hello.txt")));

      assertThat(result.isError()).isFalse();
      assertThat(((McpSchema.TextContent) result.content().get(0)).text())
          .contains("hello from a real file");
    }
  }

  @Test
  void legacySseClientInitializesListsAndCallsARealTool() {
    try (McpSyncClient client = server.sseClient()) {
      var names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
      assertThat(names).contains("read_text_file", "echo");

      var result =
          client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "over sse")));

      assertThat(result.isError()).isFalse();
      assertThat(((McpSchema.TextContent) result.content().get(0)).text()).isEqualTo("over sse");
    }
  }

  @Test
  void healthzAnswersOk() throws Exception {
    var response =
        HTTP.send(
            HttpRequest.newBuilder(server.uri("/healthz")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"ok\"");
  }

  @Test
  void metricsCountCallsPerToolInPrometheusFormat() throws Exception {
    try (McpSyncClient client = server.streamableClient()) {
      client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "count me")));
    }

    var response =
        HTTP.send(
            HttpRequest.newBuilder(server.uri("/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(response.body())
        .contains(
            "devhost_tool_calls_total{decision=\"allowed\",tool=\"echo\",transport=\"streamable-http\"}")
        .contains("devhost_tool_call_duration_seconds_bucket{tool=\"echo\",le=")
        .contains("# TYPE devhost_tool_call_duration_seconds histogram");
  }
}

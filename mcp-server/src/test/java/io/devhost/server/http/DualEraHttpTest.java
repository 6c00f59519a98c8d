package io.devhost.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.core.Json;
import io.devhost.server.conformance.ConformanceFixtures;
import io.devhost.server.testing.TestServer;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * One {@code /mcp} endpoint, both protocol eras: the SDK's 2026-07-28 client and its 2025-era
 * client against the same running server, over real HTTP.
 */
class DualEraHttpTest {

  @TempDir static Path dir;
  static TestServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server =
        TestServer.start(dir, TestServer.Config.defaults(), List.of(ConformanceFixtures.toolset()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void modernClientDiscoversTheServerWithoutAHandshake() {
    var discovered = server.modernClient().discover();

    assertThat(discovered.supportedVersions()).containsExactly("2026-07-28");
    assertThat(discovered.capabilities().tools()).isNotNull();
    assertThat(discovered.capabilities().prompts()).isNotNull();
    assertThat(discovered.capabilities().completions()).isNotNull();
    assertThat(discovered.instructions()).startsWith("DevHost gives access");
  }

  @Test
  void modernClientListsToolsWithCacheHints() {
    var listed = server.modernClient().tools().list();

    assertThat(listed.tools())
        .extracting(McpSchema.Tool::name)
        .contains("read_text_file", "list_directory", "echo", "write_note", "delete_thing");
    assertThat(listed.ttlMs()).isEqualTo(60_000L);
    assertThat(listed.cacheScope()).isEqualTo(McpSchema.CacheScope.PRIVATE);
    assertThat(listed.resultType()).isEqualTo("complete");
  }

  @Test
  void modernClientCallsAReadToolThroughThePipeline() throws Exception {
    var result =
        server.modernClient().tool("read_text_file").arguments(Map.of("path", "hello.txt")).call();

    assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(((McpSchema.TextContent) result.content().get(0)).text())
        .contains("hello from a real file");
    var record = lastAuditRecordOf("read_text_file");
    assertThat(record)
        .containsEntry("transport", "streamable-http")
        .containsEntry("client", "devhost-modern-test")
        .containsEntry("clientVersion", "2.0.0")
        .containsEntry("decision", "allowed");
  }

  @Test
  void modernClientCallsAWriteTool() throws Exception {
    var result =
        server.modernClient().tool("write_note").arguments(Map.of("text", "modern note")).call();

    assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(result.structuredContent()).isEqualTo(Map.of("length", 11));
    // Every write is confirmed; a client that declares no elicitation is trusted to ask its user.
    assertThat(lastAuditRecordOf("write_note")).containsEntry("decision", "client_approval");
  }

  @Test
  void modernClientReadsAResourceThroughItsTemplate() {
    var read = server.modernClient().resource("file://" + dir.resolve("root/hello.txt")).read();

    assertThat(((McpSchema.TextResourceContents) read.contents().get(0)).text())
        .contains("hello from a real file");
  }

  @Test
  void modernClientGetsAPromptAndACompletion() {
    var client = server.modernClient();

    var prompt =
        client
            .prompt("test_prompt_with_arguments")
            .arguments(Map.of("arg1", "a", "arg2", "b"))
            .get();
    var completion =
        client
            .completion(new McpSchema.PromptReference("test_prompt_with_arguments"), "arg1", "par")
            .complete();

    assertThat(((McpSchema.TextContent) prompt.messages().get(0).content()).text())
        .contains("arg1='a'");
    assertThat(completion.completion().values()).containsExactly("paris", "park", "party");
  }

  @Test
  void modernClientGetsAnActionableErrorForAnUnknownResource() {
    assertThatThrownBy(() -> server.modernClient().resource("test://nowhere").read())
        .isInstanceOf(McpException.class)
        .hasMessageContaining("test://nowhere");
  }

  @Test
  void legacyClientKeepsItsSessionOnTheSameEndpoint() {
    try (var client = server.streamableClient()) {
      var names =
          client.listTools().tools().stream()
              .map(io.modelcontextprotocol.spec.McpSchema.Tool::name)
              .toList();
      var result =
          client.callTool(
              new io.modelcontextprotocol.spec.McpSchema.CallToolRequest(
                  "echo", Map.of("text", "legacy")));

      assertThat(names).contains("read_text_file", "echo");
      assertThat(result.isError()).isFalse();
    }
  }

  @Test
  void anUnsupportedVersionIsRefusedWithTheSupportedOnes() throws Exception {
    var response = post(toolsList("2099-01-01"), "2099-01-01");

    JsonNode error = Json.MAPPER.readTree(response.body()).path("error");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error.path("code").asInt()).isEqualTo(-32022);
    assertThat(error.path("data").path("supported").toString()).contains("2026-07-28");
  }

  @Test
  void aHeaderThatDisagreesWithMetaIsRefusedAndAudited() throws Exception {
    var body =
        """
        {"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"write_note",
         "arguments":{"text":"must not run"},
         "_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28",
                  "io.modelcontextprotocol/clientCapabilities":{},
                  "io.modelcontextprotocol/clientInfo":{"name":"mismatched","version":"1"}}}}
        """;
    long writesBefore = auditCount("write_note", "allowed");

    var response = post(body, "2025-11-25", "tools/call", "write_note");

    JsonNode reply = Json.MAPPER.readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(reply.path("id").asInt()).isEqualTo(7);
    assertThat(reply.path("error").path("code").asInt()).isEqualTo(-32020);
    assertThat(auditCount("write_note", "allowed")).isEqualTo(writesBefore);
    var refusal = lastAuditRecordOf("write_note");
    assertThat(refusal)
        .containsEntry("decision", "protocol_refused")
        .containsEntry("client", "mismatched");
    assertThat(refusal.get("arguments").toString()).contains("-32020");
  }

  @Test
  void aModernHeaderWithoutMetaGetsTheModernError() throws Exception {
    var body = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\",\"params\":{}}";

    var response = post(body, "2026-07-28", "tools/list", null);

    JsonNode error = Json.MAPPER.readTree(response.body()).path("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32602);
    assertThat(error.path("message").asString()).contains("_meta");
  }

  private static String toolsList(String version) {
    return """
        {"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"_meta":{
          "io.modelcontextprotocol/protocolVersion":"%s",
          "io.modelcontextprotocol/clientCapabilities":{}}}}
        """
        .formatted(version);
  }

  private static HttpResponse<String> post(String body, String versionHeader) throws Exception {
    return post(body, versionHeader, "tools/list", null);
  }

  private static HttpResponse<String> post(
      String body, String versionHeader, String method, String name) throws Exception {
    var request =
        HttpRequest.newBuilder(server.uri("/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("Authorization", "Bearer " + TestServer.TOKEN)
            .header("MCP-Protocol-Version", versionHeader)
            .header("Mcp-Method", method);
    if (name != null) {
      request.header("Mcp-Name", name);
    }
    return HTTP.send(
        request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> lastAuditRecordOf(String tool) throws Exception {
    var records = server.auditRecords().stream().filter(r -> tool.equals(r.get("tool"))).toList();
    assertThat(records).as("audit records of " + tool).isNotEmpty();
    return records.get(records.size() - 1);
  }

  private static long auditCount(String tool, String decision) throws Exception {
    return server.auditRecords().stream()
        .filter(r -> tool.equals(r.get("tool")) && decision.equals(r.get("decision")))
        .count();
  }
}

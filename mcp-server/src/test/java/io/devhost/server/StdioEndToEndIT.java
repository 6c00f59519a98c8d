package io.devhost.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The built jar as a child process, driven by the SDK's own stdio client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StdioEndToEndIT {

  @TempDir static Path root;
  private McpSyncClient client;
  private Map<String, McpSchema.Tool> tools;

  @BeforeAll
  void start() throws Exception {
    Files.writeString(root.resolve("notes.txt"), "alpha\nbeta\ngamma\n");
    Files.createDirectories(root.resolve("src"));
    client = DevhostJar.stdioClient("serve", "--stdio", "--roots", root.toString());
    var init = client.initialize();
    assertThat(init.protocolVersion()).isEqualTo(ProtocolVersions.MCP_2025_11_25);
    assertThat(init.serverInfo().name()).isEqualTo("devhost");
    assertThat(init.instructions()).contains("untrusted");
    tools =
        client.listTools().tools().stream()
            .collect(Collectors.toMap(McpSchema.Tool::name, Function.identity()));
  }

  @AfterAll
  void stop() {
    if (client != null) {
      client.closeGracefully();
    }
  }

  @Test
  void listsTheFoundationToolsWithSchemasAndHints() {
    assertThat(tools).containsKeys("list_allowed_directories", "read_text_file", "list_directory");
    var read = tools.get("read_text_file");
    assertThat(read.inputSchema()).containsEntry("required", List.of("path"));
    assertThat(read.outputSchema()).containsKey("properties");
    assertThat(read.annotations().readOnlyHint()).isTrue();
  }

  @Test
  void everyFoundationToolAnswersWithStructuredContentMatchingItsOutputSchema() throws Exception {
    var real = root.toRealPath().toString();
    var dirs = call("list_allowed_directories", Map.of());
    assertThat(structured(dirs)).containsEntry("directories", List.of(real));

    var read = call("read_text_file", Map.of("path", "notes.txt", "head", 2));
    assertThat(structured(read))
        .containsEntry("content", "alpha\nbeta")
        .containsEntry("truncated", true)
        .containsEntry("nextOffset", 3);
    assertThat(((McpSchema.TextContent) read.content().get(0)).text())
        .startsWith("<<<untrusted data from")
        .contains("alpha\nbeta\n<<<end of untrusted data>>>");

    var list = call("list_directory", Map.of("path", real));
    assertThat(structured(list).get("entries").toString()).contains("notes.txt", "src");
  }

  @Test
  void badArgumentsAndPathsOutsideTheRootsAreErrorResultsAndTheServerKeepsServing() {
    var wrongType =
        client.callTool(
            new McpSchema.CallToolRequest(
                "read_text_file", Map.of("path", "notes.txt", "head", "ten")));
    assertThat(wrongType.isError()).isTrue();
    assertThat(text(wrongType)).contains("'head'").contains("integer").doesNotContain("Exception");

    var outside =
        client.callTool(
            new McpSchema.CallToolRequest("read_text_file", Map.of("path", "/etc/hostname")));
    assertThat(outside.isError()).isTrue();
    assertThat(text(outside)).contains("outside the allowed directories");

    var escape =
        client.callTool(new McpSchema.CallToolRequest("list_directory", Map.of("path", "../..")));
    assertThat(escape.isError()).isTrue();

    assertThat(client.ping()).isNotNull();
    assertThat(structured(call("list_allowed_directories", Map.of()))).containsKey("directories");
  }

  private McpSchema.CallToolResult call(String tool, Map<String, Object> args) {
    var result = client.callTool(new McpSchema.CallToolRequest(tool, args));
    assertThat(result.isError()).as("%s failed: %s", tool, text(result)).isFalse();
    var validation =
        new DefaultJsonSchemaValidator()
            .validate(tools.get(tool).outputSchema(), result.structuredContent());
    assertThat(validation.valid()).as("%s output: %s", tool, validation.errorMessage()).isTrue();
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> structured(McpSchema.CallToolResult result) {
    return (Map<String, Object>) result.structuredContent();
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }
}

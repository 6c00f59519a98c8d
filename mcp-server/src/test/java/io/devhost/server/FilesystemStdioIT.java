package io.devhost.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filesystem toolset end to end: the built jar as a child process, the SDK client on stdio. One
 * server for the class keeps the suite fast on a small machine; tests use distinct files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilesystemStdioIT {

  Path root;
  McpSyncClient client;
  final LinkedBlockingQueue<List<McpSchema.ResourceContents>> updates = new LinkedBlockingQueue<>();

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    root = Files.createDirectory(tmp.resolve("project")).toRealPath();
    Files.createDirectory(tmp.resolve("project-evil"));
    Files.createDirectory(tmp.resolve("vendor"));
    Files.writeString(tmp.resolve("project-evil/secret.txt"), "SECRET");
    Files.writeString(root.resolve("README.md"), "# Demo\nTODO: write docs\n");
    Files.writeString(root.resolve("notes.md"), "draft\n");
    var params =
        ServerParameters.builder("java")
            .args(
                "-jar",
                System.getProperty("devhost.jar"),
                "serve",
                "--confirm",
                "never",
                "--roots",
                root.toString(),
                "--read-only-roots",
                tmp.resolve("vendor").toString())
            .build();
    var transport =
        new StdioClientTransport(params, new JacksonMcpJsonMapper(JsonMapper.builder().build()));
    client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(60))
            .initializationTimeout(Duration.ofSeconds(120))
            .resourcesUpdateConsumer(updates::add)
            .build();
    client.initialize();
  }

  @AfterAll
  void stop() {
    client.closeGracefully();
  }

  private McpSchema.CallToolResult call(String tool, Map<String, Object> args) {
    return client.callTool(new McpSchema.CallToolRequest(tool, args));
  }

  @Test
  void writeEditReadAndSearchOverStdio() {
    var written =
        call(
            "write_file",
            Map.of(
                "path",
                "src/App.java",
                "content",
                "class App {\n  int x = 1;\n}\n",
                "createParents",
                true));
    assertThat(written.isError()).isFalse();
    var edited =
        call(
            "edit_file",
            Map.of(
                "path",
                "src/App.java",
                "edits",
                List.of(Map.of("oldText", "int x = 1;", "newText", "int x = 2;"))));
    assertThat(edited.isError()).isFalse();
    assertThat(edited.structuredContent().toString()).contains("+  int x = 2;");

    var read = call("read_text_file", Map.of("path", "src/App.java"));
    assertThat(((Map<?, ?>) read.structuredContent()).get("content"))
        .isEqualTo("class App {\n  int x = 2;\n}");
    var found = call("search_content", Map.of("pattern", "TODO"));
    assertThat(found.structuredContent().toString()).contains("README.md");
    var tree = call("directory_tree", Map.of());
    assertThat(tree.structuredContent().toString()).contains("src/App.java");
  }

  @Test
  void sandboxRefusalsAreToolErrorsNotCrashes() {
    var evil =
        call(
            "read_text_file",
            Map.of("path", root.getParent().resolve("project-evil/secret.txt").toString()));
    assertThat(evil.isError()).isTrue();
    assertThat(evil.toString()).doesNotContain("SECRET");
    var write =
        call(
            "write_file",
            Map.of("path", root.getParent().resolve("vendor/x.txt").toString(), "content", "x"));
    assertThat(write.isError()).isTrue();
    assertThat(((McpSchema.TextContent) write.content().get(0)).text()).contains("read-only");
    var outside = call("read_text_file", Map.of("path", "../../../../etc/passwd"));
    assertThat(outside.isError()).isTrue();
    assertThat(call("list_allowed_directories", Map.of()).isError()).isFalse();
  }

  @Test
  void aFiftyMegabyteWriteIsRefusedAndTheServerLivesOn() throws Exception {
    Files.writeString(root.resolve("big.txt"), "old");
    var refused = call("write_file", Map.of("path", "big.txt", "content", "x".repeat(50 << 20)));

    assertThat(refused.isError()).isTrue();
    assertThat(((McpSchema.TextContent) refused.content().get(0)).text()).contains("limit is");
    assertThat(Files.readString(root.resolve("big.txt"))).isEqualTo("old");
    assertThat(call("list_allowed_directories", Map.of()).isError()).isFalse();
  }

  @Test
  void subscribedFileResourceAnnouncesChanges() throws Exception {
    String uri = root.resolve("notes.md").toUri().toString();
    var read = client.readResource(new McpSchema.ReadResourceRequest(uri));
    assertThat(((McpSchema.TextResourceContents) read.contents().get(0)).text()).isEqualTo("draft");
    client.subscribeResource(new McpSchema.SubscribeRequest(uri));

    Files.writeString(root.resolve("notes.md"), "Done.\n");
    var contents = updates.poll(30, TimeUnit.SECONDS);
    assertThat(contents).isNotNull();
    assertThat(((McpSchema.TextResourceContents) contents.get(0)).text()).contains("Done.");
  }
}

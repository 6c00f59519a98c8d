package io.devhost.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.client.McpClient;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import io.modelcontextprotocol.modern.client.transport.StdioMcpClientTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar over stdio, driven by the SDK's 2026-07-28 stdio client: no handshake, the first
 * request makes the connection modern. The 2025-era client on the same jar is StdioEndToEndIT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModernStdioIT {

  @TempDir static Path tmp;
  private Path root;
  private StdioMcpClientTransport transport;
  private McpSyncClient client;

  @BeforeAll
  void start() throws Exception {
    root = Files.createDirectory(tmp.resolve("project")).toRealPath();
    Files.writeString(root.resolve("notes.txt"), "alpha\nbeta\n");
    var args =
        DevhostJar.command("serve", "--stdio", "--confirm", "never", "--roots", root.toString());
    transport =
        StdioMcpClientTransport.builder(
                ServerParameters.builder(args.get(0)).args(args.subList(1, args.size())).build())
            .start();
    client =
        McpClient.sync(transport)
            .clientInfo(new McpSchema.Implementation("modern-it", null, "3.1", null, null, null))
            .roundTimeout(Duration.ofSeconds(60))
            .build();
  }

  @AfterAll
  void stop() {
    if (transport != null) {
      transport.close();
    }
  }

  @Test
  void discoversTheServerAndItsTools() {
    var discovered = client.discover();
    var tools = client.tools().list();

    assertThat(discovered.supportedVersions()).containsExactly("2026-07-28");
    assertThat(discovered.instructions()).contains("untrusted");
    assertThat(tools.tools())
        .extracting(McpSchema.Tool::name)
        .contains("read_text_file", "write_file", "list_directory");
    assertThat(tools.ttlMs()).isPositive();
  }

  @Test
  void readsWritesAndReadsBackAFileAsResource() {
    var read = client.tool("read_text_file").arguments(Map.of("path", "notes.txt")).call();
    var written =
        client
            .tool("write_file")
            .arguments(Map.of("path", "new.txt", "content", "written by a modern client\n"))
            .call();
    var resource = client.resource("file://" + root.resolve("new.txt")).read();

    assertThat(((McpSchema.TextContent) read.content().get(0)).text()).contains("alpha\nbeta");
    assertThat(written.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(((McpSchema.TextResourceContents) resource.contents().get(0)).text())
        .isEqualTo("written by a modern client\n");
  }

  @Test
  void aToolErrorIsAResultTheModelCanActOn() {
    var outside = client.tool("read_text_file").arguments(Map.of("path", "/etc/passwd")).call();

    assertThat(outside.isError()).isTrue();
    assertThat(((McpSchema.TextContent) outside.content().get(0)).text())
        .containsAnyOf("outside", "allowed");
    assertThat(List.of(outside.resultType())).containsExactly("complete");
  }
}

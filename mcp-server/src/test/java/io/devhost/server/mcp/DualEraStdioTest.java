package io.devhost.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.Toolset;
import io.devhost.server.testing.Pipelines;
import io.devhost.server.testing.TestTools;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.client.McpClient;
import io.modelcontextprotocol.modern.client.transport.StdioMcpClientTransport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Stdio in the 2026-07-28 era: the first message chose it, for the rest of the connection. */
class DualEraStdioTest {

  private final List<Toolset> toolsets = List.of(new TestTools());
  private PipedOutputStream toServer;
  private PipedInputStream fromServer;
  private Thread server;

  private void startServer() throws Exception {
    toServer = new PipedOutputStream();
    var serverIn = new PipedInputStream(toServer, 1 << 16);
    var serverOut = new PipedOutputStream();
    fromServer = new PipedInputStream(serverOut, 1 << 20);
    server =
        new Thread(
            () -> {
              try {
                StdioServer.serve(
                    cancellations ->
                        new DevhostMcpServer(
                            toolsets,
                            ToolCatalog.of(toolsets, entry -> true),
                            Pipelines.unrestricted(),
                            cancellations),
                    serverIn,
                    serverOut);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    toServer.close();
    server.join(10_000);
  }

  @Test
  void theSdksModernStdioClientDiscoversListsAndCalls() throws Exception {
    startServer();
    var transport = StdioMcpClientTransport.builder(fromServer, toServer).start();
    var client =
        McpClient.sync(transport)
            .clientInfo(new McpSchema.Implementation("stdio-modern", null, "1", null, null, null))
            .build();

    var discovered = client.discover();
    var names = client.tools().list().tools().stream().map(McpSchema.Tool::name).toList();
    var echoed = client.tool("echo").arguments(Map.of("text", "over modern stdio")).call();

    assertThat(discovered.supportedVersions()).containsExactly("2026-07-28");
    assertThat(names).contains("echo", "write_note");
    assertThat(((McpSchema.TextContent) echoed.content().get(0)).text())
        .isEqualTo("over modern stdio");
  }

  @Test
  void aModernConnectionRefusesALaterInitializeWithTheSupportedVersions() throws Exception {
    startServer();
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\",\"params\":{\"_meta\":{"
            + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}");
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"late\",\"version\":\"1\"}}}");
    // Closed before reading: the answers still come, as for a 2025-era session.
    toServer.close();

    var reader = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
    JsonNode discover = null;
    JsonNode initialize = null;
    // Until both answers are in: the server never closes its end of this in-memory pipe.
    while (discover == null || initialize == null) {
      String line = reader.readLine();
      JsonNode node = JsonMapper.builder().build().readTree(line);
      if (node.path("id").asInt() == 1) {
        discover = node;
      } else if (node.path("id").asInt() == 2) {
        initialize = node;
      }
    }

    assertThat(discover.path("result").path("resultType").asString()).isEqualTo("complete");
    assertThat(initialize.path("error").path("code").asInt()).isEqualTo(-32022);
    assertThat(initialize.path("error").path("data").path("supported").toString())
        .contains("2026-07-28");
  }

  private void send(String line) throws Exception {
    toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    toServer.flush();
  }
}

package io.devhost.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.Toolset;
import io.devhost.server.testing.TestTools;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.client.McpClient;
import io.modelcontextprotocol.modern.client.transport.StdioMcpClientTransport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stdio in the 2026-07-28 era: the first message chose it, for the rest of the connection. */
class DualEraStdioTest {

  private final List<Toolset> toolsets = List.of(new TestTools());

  @Test
  void theSdksModernStdioClientDiscoversListsAndCalls() throws Exception {
    try (var session = new PipedStdioSession(toolsets)) {
      var transport =
          StdioMcpClientTransport.builder(session.fromServer(), session.toServer()).start();
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
  }

  @Test
  void aModernConnectionRefusesALaterInitializeWithTheSupportedVersions() throws Exception {
    try (var session = new PipedStdioSession(toolsets)) {
      session.send(
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"server/discover\",\"params\":{\"_meta\":{"
              + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
              + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}");
      var discover = session.reply(1);
      session.send(
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
              + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"late\",\"version\":"
              + "\"1\"}}}");
      var initialize = session.reply(2);

      assertThat(discover.path("result").path("resultType").asString()).isEqualTo("complete");
      assertThat(initialize.path("error").path("code").asInt()).isEqualTo(-32022);
      assertThat(initialize.path("error").path("data").path("supported").toString())
          .contains("2026-07-28");
    }
  }

  @Test
  void answersEveryRequestReadBeforeStdinClosed() throws Exception {
    try (var session = new PipedStdioSession(toolsets)) {
      session.send(
          "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
              + "\"arguments\":{\"text\":\"last words\"},\"_meta\":{"
              + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
              + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}");
      session.toServer().close();

      var reply = session.reply(5);

      assertThat(reply.path("result").path("content").get(0).path("text").asString())
          .isEqualTo("last words");
    }
  }
}

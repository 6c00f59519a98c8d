package io.devhost.bridge.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.bridge.testing.ScriptedConsole;
import io.devhost.bridge.testing.TestServers;
import io.devhost.bridge.testing.Workspace;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host against two real stdio servers started as child JVMs. */
class McpHostTest {

  @TempDir Path dir;

  @Test
  void namespacesClashingToolsAndOffersRootsElicitationAndSampling() {
    Workspace.create(dir);
    var console = new ScriptedConsole("y", "blue", "y");
    var features =
        new ClientFeatures(
            dir,
            console,
            (server, request) ->
                new McpSchema.CreateMessageResult(
                    McpSchema.Role.ASSISTANT,
                    new McpSchema.TextContent(
                        server
                            + " asked: "
                            + ((McpSchema.TextContent) request.messages().get(0).content()).text()),
                    "test",
                    McpSchema.CreateMessageResult.StopReason.END_TURN));
    try (var host =
        McpHost.connect(
            List.of(TestServers.toolServer("a", dir), TestServers.toolServer("b", dir)),
            features,
            Duration.ofSeconds(30))) {

      assertThat(host.tools())
          .extracting(HostTool::name)
          .contains("a.search_files", "b.search_files", "a.run_sql");
      assertThat(host.servers()).hasSize(2).allMatch(s -> s.contains("over stdio"));
      HostTool count = find(host, "b.count_rows");
      assertThat(count.readOnly()).isTrue();
      assertThat(find(host, "a.run_sql").readOnly()).isFalse();
      assertThat(find(host, "a.run_sql").destructive()).isTrue();

      assertThat(host.call(count, Map.of("table", "orders")))
          .isEqualTo(new ToolResult(false, "orders has 3 rows"));
      assertThat(host.call(find(host, "a.list_roots"), Map.of()).text())
          .isEqualTo(dir.toUri().toString());
      assertThat(host.call(find(host, "a.confirm"), Map.of("question", "Favourite colour?")).text())
          .isEqualTo("ACCEPT {reply=blue}");
      assertThat(console.questions().get(0)).contains("[a] Favourite colour?");
      assertThat(host.call(find(host, "b.summarize"), Map.of("text", "hello")).text())
          .isEqualTo("b asked: Summarize: hello");
    }
  }

  @Test
  void returnsAToolErrorAsAnErrorResult() {
    Workspace.create(dir);
    try (var host =
        McpHost.connect(
            List.of(TestServers.toolServer("p", dir)),
            new ClientFeatures(dir, UserConsole.NON_INTERACTIVE, null),
            Duration.ofSeconds(30))) {
      var result = host.call(find(host, "count_rows"), Map.of("table", "nope"));
      assertThat(result.error()).isTrue();
      assertThat(host.call(find(host, "confirm"), Map.of("question", "?")).text())
          .startsWith("DECLINE");
    }
  }

  @Test
  void namesTheServerThatDoesNotStart() {
    var broken = new ServerConfig.Stdio("broken", "/no/such/command", List.of(), Map.of(), null);
    assertThatThrownBy(
            () ->
                McpHost.connect(
                    List.of(broken),
                    new ClientFeatures(dir, UserConsole.NON_INTERACTIVE, null),
                    Duration.ofSeconds(10)))
        .hasMessageContaining("MCP server 'broken' did not start: command not found");
  }

  private static HostTool find(McpHost host, String name) {
    return host.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }
}

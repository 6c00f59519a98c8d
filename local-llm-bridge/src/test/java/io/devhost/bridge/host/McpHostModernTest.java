package io.devhost.bridge.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.bridge.testing.ModernToolServer;
import io.devhost.bridge.testing.ScriptedConsole;
import io.devhost.bridge.testing.TestServers;
import io.devhost.bridge.testing.TestToolServer;
import io.devhost.bridge.testing.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host against a real server that speaks only 2026-07-28 (the SDK's stateless server), beside a
 * handshake-era one: each is reached in its own era, and the tools look the same to the caller.
 */
class McpHostModernTest {

  @TempDir Path dir;

  @Test
  void speaksToAModernOnlyAndALegacyServerOverStdioThroughOneSurface() {
    Workspace.create(dir);
    var console = new ScriptedConsole("y", "blue");
    try (var host =
        McpHost.connect(
            List.of(TestServers.modernServer("m", dir), TestServers.toolServer("l", dir)),
            new ClientFeatures(dir, console, null),
            Duration.ofSeconds(30))) {

      assertThat(host.servers())
          .containsExactly("m: m 2.0 (2026-07-28) over stdio", "l: l 1.0 (2025-11-25) over stdio");
      assertThat(host.tools()).extracting(HostTool::name).contains("m.count_rows", "l.count_rows");
      HostTool modernCount = find(host, "m.count_rows");
      assertThat(modernCount.readOnly()).isTrue();
      assertThat(modernCount.tool().inputSchema()).containsEntry("required", List.of("table"));

      assertThat(host.call(modernCount, Map.of("table", "orders")))
          .isEqualTo(new ToolResult(false, "orders has 3 rows"));
      assertThat(host.call(find(host, "l.count_rows"), Map.of("table", "orders")))
          .isEqualTo(new ToolResult(false, "orders has 3 rows"));
      assertThat(host.call(find(host, "m.count_rows"), Map.of("table", "nope")).error()).isTrue();

      // the input round trip: asked at the terminal like a handshake-era elicitation
      assertThat(host.call(find(host, "m.confirm"), Map.of("question", "Favourite colour?")).text())
          .isEqualTo("ACCEPT {reply=blue}");
      assertThat(console.questions().get(0)).contains("[m] Favourite colour?");
    }
  }

  @Test
  void keepsTheLegacyServerThatAnsweredTheProbeRunningInsteadOfStartingItTwice() throws Exception {
    Workspace.create(dir);
    Path starts = dir.resolve("starts.log");
    var legacy = TestServers.toolServer("l", dir);
    var counted =
        new ServerConfig.Stdio(
            "l",
            legacy.command(),
            legacy.args(),
            Map.of(TestToolServer.STARTS_LOG, starts.toString()),
            null);
    try (var host =
        McpHost.connect(
            List.of(counted),
            new ClientFeatures(dir, UserConsole.NON_INTERACTIVE, null),
            Duration.ofSeconds(30))) {
      assertThat(host.call(find(host, "count_rows"), Map.of("table", "orders")).text())
          .isEqualTo("orders has 3 rows");
    }
    assertThat(Files.readAllLines(starts)).containsExactly("l");
  }

  @Test
  void startsALegacyServerThatStayedSilentOnTheProbeAfreshForInitialize() throws Exception {
    Workspace.create(dir);
    Path starts = dir.resolve("starts.log");
    var legacy = TestServers.toolServer("quiet", dir);
    var args = new java.util.ArrayList<>(legacy.args());
    args.add(TestToolServer.SILENT_ON_DISCOVER);
    var quiet =
        new ServerConfig.Stdio(
            "quiet",
            legacy.command(),
            args,
            Map.of(TestToolServer.STARTS_LOG, starts.toString()),
            null);
    // the request timeout bounds the probe's wait
    try (var host =
        McpHost.connect(
            List.of(quiet),
            new ClientFeatures(dir, UserConsole.NON_INTERACTIVE, null),
            Duration.ofSeconds(15))) {
      assertThat(host.servers()).containsExactly("quiet: quiet 1.0 (2025-11-25) over stdio");
      assertThat(host.call(find(host, "count_rows"), Map.of("table", "orders")).text())
          .isEqualTo("orders has 3 rows");
    }
    assertThat(Files.readAllLines(starts)).containsExactly("quiet", "quiet");
  }

  @Test
  void declinesTheInputRequestWhenNobodyIsAtTheTerminal() {
    Workspace.create(dir);
    try (var host =
        McpHost.connect(
            List.of(TestServers.modernServer("m", dir)),
            new ClientFeatures(dir, UserConsole.NON_INTERACTIVE, null),
            Duration.ofSeconds(30))) {
      assertThat(host.call(find(host, "confirm"), Map.of("question", "?")))
          .isEqualTo(new ToolResult(false, "DECLINE"));
    }
  }

  @Test
  void speaksToAModernOnlyServerOverHttpWithTheConfiguredHeaders() throws Exception {
    Workspace.create(dir);
    var console = new ScriptedConsole("y", "green");
    try (var server = ModernToolServer.http("web", dir);
        var host =
            McpHost.connect(
                List.of(
                    new ServerConfig.Http("web", server.uri(), Map.of("X-Team", "storage"), false)),
                new ClientFeatures(dir, console, null),
                Duration.ofSeconds(30))) {

      assertThat(host.servers())
          .containsExactly("web: web 2.0 (2026-07-28) over Streamable HTTP " + server.uri());
      assertThat(host.call(find(host, "count_rows"), Map.of("table", "customers")).text())
          .isEqualTo("customers has 2 rows");
      assertThat(host.call(find(host, "confirm"), Map.of("question", "Colour?")).text())
          .isEqualTo("ACCEPT {reply=green}");
    }
  }

  private static HostTool find(McpHost host, String name) {
    return host.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }
}

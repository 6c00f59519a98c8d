package io.devhost.bridge.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpServersFileTest {

  @TempDir Path dir;

  @Test
  void readsStdioStreamableHttpAndSseServersWithEnvExpansion() throws Exception {
    Path file = dir.resolve("mcp.json");
    Files.writeString(
        file,
        """
        {"mcpServers": {
          "devhost": {"command": "java", "args": ["-jar", "${env:HOME}/devhost.jar", "serve"],
                      "env": {"DEVHOST_ROOTS": "${env:HOME}/src"}, "cwd": "work"},
          "remote": {"url": "https://mcp.example.com/mcp", "headers": {"Authorization": "Bearer ${env:TOKEN}"}},
          "legacy": {"url": "http://127.0.0.1:9000/sse"},
          "typed": {"url": "http://127.0.0.1:9000/events", "type": "sse"}
        }}""");

    List<ServerConfig> servers =
        McpServersFile.read(file, Map.of("HOME", "/home/ada", "TOKEN", "t0k"));

    assertThat(servers).hasSize(4);
    var devhost = (ServerConfig.Stdio) servers.get(0);
    assertThat(devhost.args()).containsExactly("-jar", "/home/ada/devhost.jar", "serve");
    assertThat(devhost.env()).containsEntry("DEVHOST_ROOTS", "/home/ada/src");
    assertThat(devhost.cwd()).isEqualTo(dir.toAbsolutePath().resolve("work"));
    var remote = (ServerConfig.Http) servers.get(1);
    assertThat(remote.url()).isEqualTo(URI.create("https://mcp.example.com/mcp"));
    assertThat(remote.headers()).containsEntry("Authorization", "Bearer t0k");
    assertThat(remote.sse()).isFalse();
    assertThat(((ServerConfig.Http) servers.get(2)).sse()).isTrue();
    assertThat(((ServerConfig.Http) servers.get(3)).sse()).isTrue();
  }

  @Test
  void namesTheKeyOfAMissingEnvironmentVariable() throws Exception {
    Path file = dir.resolve("mcp.json");
    Files.writeString(
        file,
        "{\"mcpServers\": {\"gh\": {\"url\": \"https://x\", \"headers\": {\"Authorization\": \"${env:GH_TOKEN}\"}}}}");

    assertThatThrownBy(() -> McpServersFile.read(file, Map.of()))
        .hasMessageContaining("mcpServers.gh.headers.Authorization")
        .hasMessageContaining("GH_TOKEN is not set");
  }

  @Test
  void rejectsAnEntryWithNeitherOrBothTransports() throws Exception {
    Path file = dir.resolve("mcp.json");
    Files.writeString(file, "{\"mcpServers\": {\"odd\": {\"args\": []}}}");
    assertThatThrownBy(() -> McpServersFile.read(file, Map.of()))
        .hasMessageContaining("mcpServers.odd")
        .hasMessageContaining("either \"command\" (stdio) or \"url\"");
    Files.writeString(file, "{\"servers\": {}}");
    assertThatThrownBy(() -> McpServersFile.read(file, Map.of()))
        .hasMessageContaining("{\"mcpServers\"");
  }

  @Test
  void readsAlwaysAllowAndLeavesDisabledServersOut() throws Exception {
    Path file = dir.resolve("mcp.json");
    Files.writeString(
        file,
        """
        {"mcpServers": {
          "postgres": {"command": "npx", "args": ["-y", "pg-server"], "alwaysAllow": ["query"]},
          "old": {"url": "http://127.0.0.1:9000/mcp", "disabled": true, "alwaysAllow": ["x"]},
          "git": {"command": "uvx", "alwaysAllow": []}
        }}""");

    var contents = McpServersFile.load(file, Map.of());

    assertThat(contents.servers())
        .extracting(ServerConfig::name)
        .containsExactly("postgres", "git");
    assertThat(contents.alwaysAllow())
        .containsEntry("postgres", List.of("query"))
        .containsEntry("git", List.of())
        .doesNotContainKey("old");
  }

  @Test
  void aMalformedTrustEntryIsOneErrorNamingTheKeyAndTheServer() throws Exception {
    Path file = dir.resolve("mcp.json");
    Files.writeString(
        file, "{\"mcpServers\": {\"pg\": {\"command\": \"x\", \"alwaysAllow\": \"query\"}}}");
    assertThatThrownBy(() -> McpServersFile.load(file, Map.of()))
        .hasMessageContaining("mcpServers.pg.alwaysAllow: expected a list of tool names");
    Files.writeString(
        file, "{\"mcpServers\": {\"pg\": {\"command\": \"x\", \"alwaysAllow\": [3]}}}");
    assertThatThrownBy(() -> McpServersFile.load(file, Map.of()))
        .hasMessageContaining("mcpServers.pg.alwaysAllow: every entry must be a tool name");
    Files.writeString(
        file, "{\"mcpServers\": {\"pg\": {\"command\": \"x\", \"disabled\": \"yes\"}}}");
    assertThatThrownBy(() -> McpServersFile.load(file, Map.of()))
        .hasMessageContaining("mcpServers.pg.disabled: expected true or false");
    Files.writeString(file, "{\"mcpServers\": {\"pg\": {\"command\": \"x\", \"disabled\": true}}}");
    assertThatThrownBy(() -> McpServersFile.load(file, Map.of()))
        .hasMessageContaining("every server in mcpServers is \"disabled\"");
  }
}

package io.devhost.bridge.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.bridge.host.HostTool;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustListTest {

  private static HostTool tool(String server, String name) {
    return new HostTool(
        name,
        server,
        McpSchema.Tool.builder().name(name).inputSchema(Map.of("type", "object")).build());
  }

  private final List<HostTool> tools =
      List.of(tool("postgres", "query"), tool("git", "git_log"), tool("git", "git_commit"));

  @Test
  void trustComesFromTheConfigFileOrTheFlagAndDistrustWins() {
    var trust =
        TrustList.of(
            Map.of("postgres", List.of("query")),
            "mcp.json",
            List.of("git.git_log", "git.git_commit"),
            List.of("git.git_commit"));

    trust.checkAgainst(tools);

    assertThat(trust.trustedBecause(tools.get(0)))
        .hasValue("mcp.json: mcpServers.postgres.alwaysAllow");
    assertThat(trust.trustedBecause(tools.get(1))).hasValue("--trust git.git_log");
    assertThat(trust.trustedBecause(tools.get(2))).isEmpty();
    assertThat(trust.distrusted(tools.get(2))).isTrue();
    assertThat(trust.describe())
        .contains(
            "postgres.query runs without asking (mcp.json: mcpServers.postgres.alwaysAllow)",
            "git.git_commit is always asked about (--distrust)");
  }

  @Test
  void aToolTheServerDoesNotHaveIsOneErrorNamingTheKeyAndTheServer() {
    var trust =
        TrustList.of(Map.of("postgres", List.of("querry")), "mcp.json", List.of(), List.of());
    assertThatThrownBy(() -> trust.checkAgainst(tools))
        .hasMessage(
            "mcp.json: mcpServers.postgres.alwaysAllow: server 'postgres' has no tool 'querry';"
                + " its tools are [query]");
    var flag = TrustList.of(Map.of(), "mcp.json", List.of("pg.query"), List.of());
    assertThatThrownBy(() -> flag.checkAgainst(tools))
        .hasMessageStartingWith("--trust pg.query: there is no server 'pg'");
    assertThatThrownBy(() -> TrustList.of(Map.of(), "f", List.of("query"), List.of()))
        .hasMessageContaining("--trust takes SERVER.TOOL");
  }
}

package io.devhost.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.core.Toolset;
import io.devhost.server.config.ConfigFile;
import io.devhost.server.config.LayeredDefaults;
import io.devhost.server.config.PolicyOptions;
import io.devhost.server.config.ServerOptions;
import io.devhost.server.config.Toolsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * What a client pays for DevHost's tools on every turn: the default {@code tools/list}, as served
 * over stdio, stays under 40,000 characters of compact JSON. examples/bench/tools-list.sh records
 * the figure, with tokens, in docs/benchmarks.md.
 */
class DefaultToolSurfaceTest {

  static final int MAX_DEFAULT_CHARS = 40_000;

  @Command(name = "probe")
  static final class Probe {
    @Mixin ServerOptions options;
    @Mixin PolicyOptions policy;
  }

  private static Probe parse(Map<String, String> env, String... args) {
    var probe = new Probe();
    var cli = new CommandLine(probe);
    cli.setDefaultValueProvider(new LayeredDefaults(env, ConfigFile.locate(args, env)));
    cli.parseArgs(args);
    return probe;
  }

  @Test
  void theDefaultToolsListStaysUnder40000Characters() throws Exception {
    var probe = parse(Map.of());
    List<Toolset> toolsets = Toolsets.create(probe.options, Map.of());
    try (var session = new PipedStdioSession(toolsets, probe.policy.visibility(probe.options))) {
      session.initialize();
      session.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
      var tools = session.reply(2).path("result").path("tools");
      var names = new ArrayList<String>();
      tools.forEach(t -> names.add(t.path("name").asString()));

      assertThat(names).contains("read_text_file", "write_file", "git_log").doesNotContain("query");
      assertThat(tools.toString().length())
          .as("characters of the default tools/list (compact JSON of its tools array)")
          .isPositive()
          .isLessThan(MAX_DEFAULT_CHARS);
    } finally {
      toolsets.forEach(Toolset::close);
    }
  }

  @Test
  void pgIsOnByDefaultOnlyWhereADatabaseIsConfiguredOrForTheDemo() {
    assertThat(enabled(Map.of())).containsExactly("fs", "git");
    var withPg = List.of("fs", "git", "pg");
    assertThat(enabled(Map.of("DATABASE_URL", "postgres://u@db.example/app"))).isEqualTo(withPg);
    assertThat(enabled(Map.of(), "--db", "shop=postgres://u@db.example/shop")).isEqualTo(withPg);
    assertThat(enabled(Map.of(), "--database-url", "postgres://u@h/app")).isEqualTo(withPg);
    assertThat(enabled(Map.of(), "--demo")).isEqualTo(withPg);
    assertThat(enabled(Map.of(), "--toolsets", "pg")).containsExactly("pg");
  }

  @Test
  void anUnknownToolsetIsRefusedNamingTheAvailableOnes() {
    assertThatThrownBy(() -> enabled(Map.of(), "--toolsets", "fs,jira"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--toolsets names 'jira', which is not a toolset of this DevHost.")
        .hasMessageContaining("Available: fs (")
        .hasMessageContaining("; git (")
        .hasMessageContaining("; github (")
        .hasMessageContaining("; pg (");
  }

  /** The ids of the toolsets built; opens no connection (pg starts nothing until first used). */
  private static List<String> enabled(Map<String, String> env, String... args) {
    List<Toolset> toolsets = Toolsets.create(parse(env, args).options, env);
    try {
      return toolsets.stream().map(Toolset::id).toList();
    } finally {
      toolsets.forEach(Toolset::close);
    }
  }
}

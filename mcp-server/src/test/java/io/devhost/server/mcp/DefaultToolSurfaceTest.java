package io.devhost.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.Toolset;
import io.devhost.server.config.ConfigFile;
import io.devhost.server.config.LayeredDefaults;
import io.devhost.server.config.PolicyOptions;
import io.devhost.server.config.ServerOptions;
import io.devhost.server.config.ToolsetId;
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
    assertThat(parse(Map.of()).options.toolsets()).containsExactly(ToolsetId.fs, ToolsetId.git);
    var withPg = List.of(ToolsetId.fs, ToolsetId.git, ToolsetId.pg);
    assertThat(parse(Map.of("DATABASE_URL", "postgres://u@db.example/app")).options.toolsets())
        .isEqualTo(withPg);
    assertThat(parse(Map.of(), "--db", "shop=postgres://u@db.example/shop").options.toolsets())
        .isEqualTo(withPg);
    assertThat(parse(Map.of(), "--database-url", "postgres://u@h/app").options.toolsets())
        .isEqualTo(withPg);
    assertThat(parse(Map.of(), "--demo").options.toolsets()).isEqualTo(withPg);
    assertThat(parse(Map.of(), "--toolsets", "pg").options.toolsets())
        .containsExactly(ToolsetId.pg);
  }
}

package io.devhost.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.pg.PostgresToolset;
import io.devhost.pg.SeedScripts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class PostgresOptionsTest {

  private static final SeedScripts SAMPLE =
      new SeedScripts(List.of(new SeedScripts.Migration(1, "nothing", "SELECT 1")), "SELECT 1");

  @Command(name = "probe")
  static final class Probe {
    @Mixin ServerOptions options;
  }

  private static PostgresOptions parse(Map<String, String> env, String... args) {
    var probe = new Probe();
    var cli = new CommandLine(probe);
    cli.setDefaultValueProvider(
        new LayeredDefaults(env, ConfigFile.locate(new String[0], Map.of())));
    cli.parseArgs(args);
    return probe.options.postgres();
  }

  @Test
  void databaseUrlFromTheEnvironmentIsServedAsDefaultReadOnly() {
    var options = parse(Map.of("DATABASE_URL", "postgres://u:secret@db.example/app"));
    try (PostgresToolset tools = options.createToolset()) {
      assertThat(tools.instructions()).contains("databases: default").doesNotContain("secret");
      assertThat(options.anyReadWrite()).isFalse();
    }
  }

  @Test
  void namedDatabasesAreRepeatableAndMayBeMadeWritable() {
    try (PostgresToolset tools =
        parse(
                Map.of(),
                "--db",
                "shop=postgres://u@h/shop",
                "--db",
                "crm=jdbc:postgresql://h/crm",
                "--db-read-write",
                "crm")
            .createToolset()) {
      assertThat(tools.instructions()).contains("databases: shop, crm");
      assertThat(tools.instructions()).contains("execute writes to read-write databases only");
    }
  }

  @Test
  void withoutADatabaseTheEmbeddedOneIsUsedAndNothingStartsYet(@TempDir Path home) {
    Path data = home.resolve("pg");
    try (PostgresToolset tools =
        parse(Map.of(), "--db-data-dir", data.toString()).createToolset(SAMPLE)) {
      assertThat(tools.instructions()).contains("databases: local");
    }
    assertThat(data).doesNotExist();
  }

  @Test
  void mistakesAreNamedAtStart() {
    assertThatThrownBy(
            () ->
                parse(Map.of(), "--db", "a=postgres://h/a", "--db-read-write", "b").createToolset())
        .hasMessageContaining("'b', which is not a configured database");
    assertThatThrownBy(() -> parse(Map.of("DATABASE_URL", "postgres://h/a")).createToolset(SAMPLE))
        .hasMessageContaining("--demo");
    assertThatThrownBy(() -> parse(Map.of(), "--db", "a=mysql://u:pw@h/a").createToolset())
        .hasMessageContaining("--db a")
        .hasMessageNotContaining("pw");
  }
}

package io.devhost.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.pg.LibpqEnvironment;
import io.devhost.pg.PostgresOptions;
import io.devhost.pg.PostgresToolset;
import io.devhost.pg.SeedScripts;
import io.devhost.server.testing.ServerArgs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresOptionsTest {

  private static final SeedScripts SAMPLE =
      new SeedScripts(List.of(new SeedScripts.Migration(1, "nothing", "SELECT 1")), "SELECT 1");

  private static PostgresOptions parse(Map<String, String> env, String... args) {
    return ServerArgs.parse(env, args)
        .plugins()
        .options(PostgresOptions.class)
        .withEnvironment(new LibpqEnvironment(env, null, null));
  }

  @Test
  void pgVariablesAloneConfigureTheDefaultDatabaseAsPsqlWould() {
    var options = parse(Map.of("PGHOST", "db.example", "PGDATABASE", "shop", "PGUSER", "reader"));
    assertThat(options.databaseConfigured()).isTrue();
    assertThat(options.defaultName()).isEqualTo(PostgresOptions.DATABASE_URL_NAME);
    var url = options.url(null);
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/shop");
    assertThat(url.user()).isEqualTo("reader");
  }

  @Test
  void aMultiHostUrlStaysWholeAmongCommaSeparatedDatabases() {
    var options = parse(Map.of(), "--db", "a=postgres://h1:5432,h2:5433/a,b=host=h3 dbname=b");
    assertThat(options.url("a").jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/a");
    assertThat(options.url("b").jdbcUrl()).isEqualTo("jdbc:postgresql://h3:5432/b");
  }

  @Test
  void pgVariablesFillWhatDatabaseUrlLeavesOut() {
    var options =
        parse(Map.of("DATABASE_URL", "postgres://h1,h2/app", "PGPORT", "6432", "PGUSER", "ci"));
    var url = options.url(null);
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h1:6432,h2:6432/app");
    assertThat(url.user()).isEqualTo("ci");
  }

  @Test
  void noDatabaseIsConfiguredWithoutUrlOrPgHostOrPgDatabase() {
    assertThat(parse(Map.of("PGPORT", "6432", "PGUSER", "ci")).databaseConfigured()).isFalse();
    assertThat(parse(Map.of(), "--db", "a=postgres://h/a").databaseConfigured()).isTrue();
    assertThatThrownBy(() -> parse(Map.of("PGHOST", "h", "PGSSLMODE", "always")).url(null))
        .hasMessageContaining("PG* variables")
        .hasMessageContaining("Invalid sslmode value 'always'");
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

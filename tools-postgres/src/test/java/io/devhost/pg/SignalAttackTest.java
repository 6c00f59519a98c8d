package io.devhost.pg;

import static io.devhost.pg.PostgresFixture.call;
import static io.devhost.pg.PostgresFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.ToolException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A read-only call must not signal or end another session. PostgreSQL lets any role signal the
 * backends of its own role, so a second session is opened as the very role the tools use ({@code
 * devhost_readonly} for {@code shop}, {@code devhost_owner} for {@code shop_rw}), and every
 * spelling of the signalling functions, direct or through a function that runs a query string, is
 * sent through query and explain. After each the victim session must still answer.
 */
class SignalAttackTest {

  private static PostgresToolset tools;
  private Connection victim;
  private int pid;

  @BeforeAll
  static void start() {
    tools = PostgresFixture.toolset();
  }

  @AfterAll
  static void stop() {
    tools.close();
  }

  @AfterEach
  void closeVictim() throws SQLException {
    if (victim != null) {
      victim.close();
    }
  }

  static List<String> attacks() {
    return List.of(
        "SELECT pg_terminate_backend(%d)",
        "SELECT pg_cancel_backend(%d)",
        "SELECT pg_terminate_backend(%d, 1000)",
        "select PG_TERMINATE_BACKEND(%d)",
        "SELECT pg_catalog.pg_terminate_backend(%d)",
        "SELECT pg_catalog . /* gap */ pg_terminate_backend (%d)",
        "SELECT \"pg_catalog\".\"pg_terminate_backend\"(%d)",
        "SELECT U&\"pg\\005fterminate\\005fbackend\"(%d)",
        "SELECT * FROM pg_terminate_backend(%d)",
        "WITH t AS (SELECT pg_terminate_backend(%d)) SELECT * FROM t",
        "SELECT (SELECT pg_cancel_backend(%d))",
        "SELECT * FROM (SELECT 1) a, LATERAL pg_terminate_backend(%d) b",
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid = %d",
        "SELECT query_to_xml('select pg_' || 'terminate_backend(%d)', true, false, '')",
        "SELECT query_to_xml_and_xmlschema('select pg_terminate_backend(%d)', true, false, '')",
        "SELECT query_to_xmlschema('select pg_terminate_backend(%d)', true, false, '')",
        "SELECT * FROM ts_stat('select pg_terminate_backend(%d)::text::tsvector')",
        "DO $$ BEGIN PERFORM pg_terminate_backend(%d); END $$",
        "EXPLAIN ANALYZE SELECT pg_terminate_backend(%d)");
  }

  @ParameterizedTest
  @MethodSource("attacks")
  void aReadOnlyQueryCannotSignalAnotherSessionOfItsRole(String attack) throws SQLException {
    for (String db : List.of("shop", "shop_rw")) {
      openVictim(db);
      var outcome = call(tools, "query", Map.of("sql", attack.formatted(pid), "database", db));
      assertThat(outcome.isError()).as(db + ": " + text(outcome)).isTrue();
      assertThat(outcome.errorKind()).as(text(outcome)).isEqualTo(ToolException.Kind.DENIED);
      assertThat(text(outcome)).contains("read-only call");
      assertVictimAlive();
      victim.close();
    }
  }

  @ParameterizedTest
  @MethodSource("attacks")
  void explainWithAnalyzeCannotSignalEither(String attack) throws SQLException {
    openVictim("shop");
    var outcome =
        call(
            tools,
            "explain",
            Map.of("sql", attack.formatted(pid), "analyze", true, "database", "shop"));
    assertThat(outcome.isError()).as(text(outcome)).isTrue();
    assertVictimAlive();
  }

  /**
   * SQL the guard cannot see: a function that runs a query string, as many databases have. On the
   * embedded database PostgreSQL itself refuses the signal, because DevHost took EXECUTE on the
   * signalling functions from PUBLIC there.
   */
  @ParameterizedTest
  @ValueSource(strings = {"shop", "shop_rw"})
  void onTheEmbeddedDatabasePostgresRefusesSignalsTheGuardCannotSee(String db) throws SQLException {
    try (var admin = PostgresFixture.superuser();
        var s = admin.createStatement()) {
      s.execute(
          "CREATE OR REPLACE FUNCTION public.run_sql(q text) RETURNS void LANGUAGE plpgsql"
              + " AS $$ BEGIN EXECUTE q; END $$");
    }
    try {
      openVictim(db);
      var outcome =
          call(
              tools,
              "query",
              Map.of(
                  "sql",
                  "SELECT run_sql('SELECT pg_terminate_backend(' || $1 || ')')",
                  "params",
                  List.of(pid),
                  "database",
                  db));
      assertThat(outcome.isError()).as(text(outcome)).isTrue();
      assertThat(text(outcome)).contains("permission denied for function pg_terminate_backend");
      assertVictimAlive();
    } finally {
      try (var admin = PostgresFixture.superuser();
          var s = admin.createStatement()) {
        s.execute("DROP FUNCTION public.run_sql(text)");
      }
    }
  }

  @BeforeEach
  void noVictimYet() {
    victim = null;
  }

  private void openVictim(String db) throws SQLException {
    var url = db.equals("shop") ? PostgresFixture.readerUrl() : PostgresFixture.ownerUrl();
    victim = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    try (var rs = victim.createStatement().executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      pid = rs.getInt(1);
    }
  }

  private void assertVictimAlive() throws SQLException {
    try (var rs = victim.createStatement().executeQuery("SELECT 42")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(42);
    }
  }
}

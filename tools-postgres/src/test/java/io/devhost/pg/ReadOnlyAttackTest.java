package io.devhost.pg;

import static io.devhost.pg.PostgresFixture.call;
import static io.devhost.pg.PostgresFixture.ok;
import static io.devhost.pg.PostgresFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.ToolException;
import io.devhost.core.ToolRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each known way out of a "read-only" PostgreSQL tool, tried through the query tool on a read-only
 * database ({@code shop}, the least-privilege reader role) and on a read-write one ({@code
 * shop_rw}, the owning role, where only the read-only transaction stands in the way); after each, a
 * separate superuser connection checks that schema, data and sequences are unchanged.
 */
class ReadOnlyAttackTest {

  private static PostgresToolset tools;
  private String before;

  @BeforeAll
  static void start() {
    tools =
        PostgresToolset.of(
            List.of(
                DatabaseConfig.of("shop", PostgresFixture.readerUrl(), false, false),
                DatabaseConfig.of("shop_rw", PostgresFixture.ownerUrl(), true, false)),
            new PgLimits(
                5,
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                500,
                1 << 20));
  }

  @AfterAll
  static void stop() {
    tools.close();
  }

  @BeforeEach
  void recordState() throws SQLException {
    before = state();
  }

  @AfterEach
  void stateIsUnchanged() throws SQLException {
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void commitFollowedByDropIsRefusedAsTwoStatements() {
    var outcome = query("COMMIT; DROP TABLE order_items");
    assertRefused(outcome, ToolException.Kind.INVALID_ARGUMENT, "Exactly one SQL statement");
  }

  @Test
  void aSecondStatementHiddenAfterACommentIsStillCounted() {
    var outcome = query("SELECT 1 /* ; */ ; -- comment\n DELETE FROM order_items");
    assertRefused(outcome, ToolException.Kind.INVALID_ARGUMENT, "found 2");
  }

  @Test
  void transactionControlIsRefused() {
    assertRefused(query("COMMIT"), ToolException.Kind.DENIED, "COMMIT is not allowed");
    assertRefused(
        query("SET TRANSACTION READ WRITE"), ToolException.Kind.DENIED, "SET is not allowed");
    assertRefused(
        query("  /* hi */ BEGIN READ WRITE"), ToolException.Kind.DENIED, "BEGIN is not allowed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"shop", "shop_rw"})
  void switchingTheTransactionToReadWriteThroughSetConfigFails(String db) {
    var outcome =
        query(db, "SELECT set_config('transaction_read_only', 'off', true), count(*) FROM orders");
    assertThat(outcome.isError()).isTrue();
    assertThat(text(outcome)).contains("25001");
  }

  @ParameterizedTest
  @ValueSource(strings = {"shop", "shop_rw"})
  void sessionSettingsChangedWithSetConfigDoNotReachTheNextCall(String db) {
    query(
        db,
        "SELECT set_config('default_transaction_read_only', 'off', false),"
            + " set_config('search_path', 'pg_catalog', false),"
            + " set_config('statement_timeout', '0', false)");
    for (int i = 0; i < 10; i++) {
      var write = query(db, "DELETE FROM order_items WHERE order_id = 1");
      assertRefused(write, ToolException.Kind.DENIED, "read-only transaction");
    }
    var shown = ok(tools, "query", Map.of("sql", "SHOW search_path", "database", db));
    assertThat(shown.get("rows")).isEqualTo(List.of(List.of("\"$user\", public")));
    var timeout = ok(tools, "query", Map.of("sql", "SHOW statement_timeout", "database", db));
    assertThat(timeout.get("rows")).isEqualTo(List.of(List.of("1s")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"shop", "shop_rw"})
  void doBlocksAreRefusedBeforeTheyRun(String db) {
    assertRefused(
        query(db, "DO $$ BEGIN DELETE FROM order_items; END $$"),
        ToolException.Kind.DENIED,
        "DO is not allowed in a read-only call");
    assertRefused(
        query(db, "/* first */ do $$ BEGIN COMMIT; DELETE FROM order_items; END $$"),
        ToolException.Kind.DENIED,
        "DO is not allowed in a read-only call");
  }

  @Test
  void nextvalIsRefusedForLackOfPrivilegeAndByTheReadOnlyTransaction() {
    assertRefused(
        query("shop", "SELECT nextval('orders_id_seq')"),
        ToolException.Kind.DENIED,
        "permission denied for sequence");
    assertRefused(
        query("shop_rw", "SELECT nextval('orders_id_seq')"),
        ToolException.Kind.DENIED,
        "read-only transaction");
  }

  @ParameterizedTest
  @ValueSource(strings = {"shop", "shop_rw"})
  void temporaryTablesCannotBeCreated(String db) {
    assertRefused(
        query(db, "CREATE TEMP TABLE scratch AS SELECT 1 AS x"),
        ToolException.Kind.DENIED,
        "read-only");
  }

  @ParameterizedTest
  @ValueSource(strings = {"shop", "shop_rw"})
  void copyToProgramIsRefusedByTheGuardAndByPostgres(String db, @TempDir Path dir) {
    Path marker = dir.resolve("pwned");
    assertRefused(
        query(db, "COPY (SELECT 1) TO PROGRAM 'touch " + marker + "'"),
        ToolException.Kind.DENIED,
        "COPY is not allowed");
    var dynamic =
        query(
            db,
            "DO $$ BEGIN EXECUTE 'COPY (SELECT 1) TO PROGRAM ''touch " + marker + "'''; END $$");
    assertRefused(dynamic, ToolException.Kind.DENIED, "DO is not allowed");
    assertThat(Files.exists(marker)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"shop", "shop_rw"})
  void serverFilesCannotBeReadByTheToolRoles(String db) {
    assertRefused(
        query(db, "SELECT pg_read_file('postgresql.conf')"), ToolException.Kind.DENIED, "42501");
  }

  @ParameterizedTest
  @ValueSource(strings = {"shop", "shop_rw"})
  void rowLocksAreRefused(String db) {
    assertRefused(
        query(db, "SELECT * FROM orders WHERE id = 1 FOR UPDATE"),
        ToolException.Kind.DENIED,
        "read-only");
  }

  @ParameterizedTest
  @ValueSource(strings = {"shop", "shop_rw"})
  void advisoryLocksDoNotOutliveTheCall(String db) throws SQLException {
    ok(tools, "query", Map.of("sql", "SELECT pg_advisory_lock(4242)", "database", db));
    try (var c = PostgresFixture.superuser();
        var rs =
            c.createStatement()
                .executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void sleepingPastTheStatementTimeoutIsCancelled() {
    var outcome = query("SELECT pg_sleep(600)");
    assertRefused(outcome, ToolException.Kind.TIMEOUT, "57014");
  }

  @Test
  void tenMillionRowsComeBackAsOneCappedPage() {
    var result = ok(tools, "query", Map.of("sql", "SELECT generate_series(1, 10000000) AS n"));
    assertThat(result.get("rowCount")).isEqualTo(500);
    assertThat(result.get("truncated")).isEqualTo(true);
    assertThat(result.get("nextCursor")).isNotNull();
  }

  private static ToolRunner.Outcome query(String sql) {
    return query("shop", sql);
  }

  private static ToolRunner.Outcome query(String database, String sql) {
    return call(tools, "query", Map.of("sql", sql, "database", database));
  }

  private static void assertRefused(
      ToolRunner.Outcome outcome, ToolException.Kind kind, String text) {
    assertThat(outcome.isError()).as(text(outcome)).isTrue();
    assertThat(outcome.errorKind()).as(text(outcome)).isEqualTo(kind);
    assertThat(text(outcome)).contains(text);
  }

  /** Schema objects, row data and sequence positions, as one comparable string. */
  private static String state() throws SQLException {
    try (var c = PostgresFixture.superuser();
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT (SELECT string_agg(n.nspname || '.' || c.relname || ':' || c.relkind,"
                        + " ',' ORDER BY n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n"
                        + " ON n.oid = c.relnamespace WHERE n.nspname NOT IN"
                        + " ('pg_catalog', 'information_schema', 'pg_toast')),"
                        + " (SELECT md5(string_agg(o::text, ',' ORDER BY o.id)) FROM orders o),"
                        + " (SELECT md5(string_agg(i::text, ',' ORDER BY i.order_id, i.line_no))"
                        + " FROM order_items i),"
                        + " (SELECT md5(string_agg(c::text, ',' ORDER BY c.id)) FROM customers c),"
                        + " (SELECT last_value FROM orders_id_seq),"
                        + " (SELECT count(*) FROM pg_roles)")) {
      rs.next();
      var sb = new StringBuilder();
      for (int i = 1; i <= 6; i++) {
        sb.append(rs.getString(i)).append('|');
      }
      return sb.toString();
    }
  }
}

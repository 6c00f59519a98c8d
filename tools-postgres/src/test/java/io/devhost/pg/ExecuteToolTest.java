package io.devhost.pg;

import static io.devhost.pg.PostgresFixture.call;
import static io.devhost.pg.PostgresFixture.ok;
import static io.devhost.pg.PostgresFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.ToolException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExecuteToolTest {

  private static PostgresToolset tools;

  @BeforeAll
  static void start() {
    tools = PostgresFixture.toolset();
    ok(
        tools,
        "execute",
        Map.of("sql", "CREATE TABLE notes (id int PRIMARY KEY, body text)", "database", "shop_rw"));
  }

  @BeforeEach
  void empty() {
    ok(tools, "execute", Map.of("sql", "DELETE FROM notes", "database", "shop_rw"));
  }

  @AfterAll
  static void stop() {
    ok(tools, "execute", Map.of("sql", "DROP TABLE notes", "database", "shop_rw"));
    tools.close();
  }

  @Test
  void writesAreCommittedAndCounted() throws SQLException {
    var result =
        ok(
            tools,
            "execute",
            Map.of(
                "sql",
                "INSERT INTO notes SELECT g, $1 FROM generate_series(1, 3) g",
                "params",
                List.of("hello"),
                "database",
                "shop_rw"));
    assertThat(result.get("rowsAffected")).isEqualTo(3L);
    assertThat(count("SELECT count(*) FROM notes WHERE body = 'hello'")).isEqualTo(3);
  }

  @Test
  void returningRowsAreSentBack() throws SQLException {
    var result =
        ok(
            tools,
            "execute",
            Map.of(
                "sql",
                "INSERT INTO notes VALUES (10, 'a'), (11, 'b') RETURNING id",
                "database",
                "shop_rw"));
    assertThat(result.get("rowsAffected")).isEqualTo(2L);
    assertThat(result.get("returned")).isEqualTo(List.of(List.of(10), List.of(11)));
  }

  @Test
  void aFailingWriteChangesNothing() throws SQLException {
    var outcome =
        call(
            tools,
            "execute",
            Map.of(
                "sql",
                "INSERT INTO notes VALUES (1, 'x'), (1, 'duplicate')",
                "database",
                "shop_rw"));
    assertThat(text(outcome)).contains("23505").contains("notes_pkey");
    assertThat(count("SELECT count(*) FROM notes")).isZero();
  }

  @Test
  void aReadOnlyDatabaseRefusesExecute() {
    var outcome = call(tools, "execute", Map.of("sql", "DELETE FROM notes", "database", "shop"));
    assertThat(outcome.errorKind()).isEqualTo(ToolException.Kind.DENIED);
    assertThat(text(outcome)).contains("--db-read-write shop");
  }

  @Test
  void executeIsMarkedAsAWriteAndRefusedWhereNoDatabaseIsReadWrite() {
    // Whether execute is listed is the server's one write rule (mcp-server ToolVisibility, which
    // lists it only when a database is read-write); the tool itself still refuses to write to a
    // read-only database, whoever calls it.
    try (var readOnly =
        PostgresToolset.of(
            List.of(DatabaseConfig.of("shop", PostgresFixture.readerUrl(), false, false)),
            PostgresFixture.LIMITS)) {
      var outcome =
          call(readOnly, "execute", Map.of("sql", "DELETE FROM notes", "database", "shop"));
      assertThat(outcome.errorKind()).isEqualTo(ToolException.Kind.DENIED);
    }
    assertThat(tools.tools())
        .anyMatch(t -> t.name().equals("execute") && t.destructive() && !t.readOnly());
  }

  @Test
  void queriesOnAReadWriteDatabaseAreStillReadOnly() {
    var outcome = call(tools, "query", Map.of("sql", "DELETE FROM notes", "database", "shop_rw"));
    assertThat(outcome.errorKind()).isEqualTo(ToolException.Kind.DENIED);
  }

  private static int count(String sql) throws SQLException {
    try (var c = PostgresFixture.superuser();
        var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}

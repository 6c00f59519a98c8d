package io.devhost.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.pg.SeedScripts.Migration;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeding the embedded database from migrations: once, again only when the scripts change. */
class SampleDataTest {

  private static final Migration CREATE =
      new Migration(1, "create notes", "CREATE TABLE notes (id int PRIMARY KEY, body text)");
  private static final SeedScripts FIRST =
      new SeedScripts(List.of(CREATE), "INSERT INTO notes VALUES (1, 'first')");
  private static final SeedScripts SECOND =
      new SeedScripts(
          List.of(
              new Migration(2, "rename body", "ALTER TABLE notes RENAME COLUMN body TO text"),
              CREATE),
          "INSERT INTO notes VALUES (1, 'second')");

  @Test
  void seedsOnceKeepsDataOnRestartAndReseedsWhenTheScriptsChange(@TempDir Path dir)
      throws Exception {
    try (var server = new EmbeddedServer(dir, FIRST)) {
      assertThat(rows(server, "SELECT version || ' ' || description FROM schema_migrations"))
          .containsExactly("1 create notes");
      assertThat(rows(server, "SELECT body FROM notes")).containsExactly("first");
      update(server, "INSERT INTO notes VALUES (2, 'added by hand')");
    }
    try (var server = new EmbeddedServer(dir, FIRST)) {
      assertThat(rows(server, "SELECT body FROM notes ORDER BY id"))
          .containsExactly("first", "added by hand");
    }
    try (var server = new EmbeddedServer(dir, SECOND)) {
      assertThat(rows(server, "SELECT version::text FROM schema_migrations ORDER BY version"))
          .containsExactly("1", "2");
      assertThat(rows(server, "SELECT text FROM notes")).containsExactly("second");
    }
  }

  @Test
  void tablesItDidNotCreateAreNeverDropped(@TempDir Path dir) throws Exception {
    try (var server = new EmbeddedServer(dir, null)) {
      update(server, "CREATE TABLE mine (v text)");
      update(server, "INSERT INTO mine VALUES ('precious')");
    }
    try (var server = new EmbeddedServer(dir, FIRST)) {
      assertThatThrownBy(server::readerUrl)
          .hasMessageContaining("not sample data")
          .hasMessageContaining("--db-data-dir");
    }
    try (var server = new EmbeddedServer(dir, null)) {
      assertThat(rows(server, "SELECT v FROM mine")).containsExactly("precious");
    }
  }

  @Test
  void aFailingScriptLeavesNothingBehind(@TempDir Path dir) throws Exception {
    var broken = new SeedScripts(List.of(CREATE), "INSERT INTO notes VALUES (1, 'a'), (1, 'b')");
    try (var server = new EmbeddedServer(dir, broken)) {
      assertThatThrownBy(server::readerUrl).hasMessageContaining("duplicate key");
    }
    try (var server = new EmbeddedServer(dir, null)) {
      assertThat(rows(server, "SELECT relname::text FROM pg_class WHERE relname = 'notes'"))
          .isEmpty();
    }
  }

  private static List<String> rows(EmbeddedServer server, String sql) throws SQLException {
    var url = server.ownerUrl();
    try (var c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        var rs = c.createStatement().executeQuery(sql)) {
      var rows = new ArrayList<String>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      return rows;
    }
  }

  private static void update(EmbeddedServer server, String sql) throws SQLException {
    var url = server.ownerUrl();
    try (var c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
      c.createStatement().execute(sql);
    }
  }
}

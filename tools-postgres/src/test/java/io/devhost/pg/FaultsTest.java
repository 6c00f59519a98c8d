package io.devhost.pg;

import static io.devhost.pg.PostgresFixture.call;
import static io.devhost.pg.PostgresFixture.ok;
import static io.devhost.pg.PostgresFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.ToolException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultsTest {

  @Test
  void aDatabaseDownAtStartWorksOnceItIsUpWithoutARestart(@TempDir Path dir) throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var url =
        DatabaseUrl.parse("postgres://postgres:hunter2-secret@localhost:" + port + "/postgres");
    var limits =
        new PgLimits(
            2, Duration.ofSeconds(6), Duration.ofSeconds(5), Duration.ofSeconds(1), 500, 1 << 20);
    try (var tools =
        PostgresToolset.of(List.of(DatabaseConfig.of("late", url, false, true)), limits)) {
      assertThat(tools.unavailable()).hasValue("database 'late' is not reachable");
      var down = call(tools, "query", Map.of("sql", "SELECT 1"));
      assertThat(down.errorKind()).isEqualTo(ToolException.Kind.UNAVAILABLE);
      assertThat(text(down))
          .contains("'late' is not reachable")
          .contains("no restart needed")
          .doesNotContain("hunter2");

      try (var late = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir).start()) {
        var up = ok(tools, "query", Map.of("sql", "SELECT 1 AS one"));
        assertThat(up.get("rows")).isEqualTo(List.of(List.of(1)));
        assertThat(tools.unavailable()).isEmpty();
      }
    }
  }

  @Test
  void aConnectionKilledMidQueryGivesAClearErrorAndThePoolRecovers() throws Exception {
    try (var tools = PostgresFixture.toolset()) {
      var running =
          CompletableFuture.supplyAsync(
              () -> call(tools, "query", Map.of("sql", "SELECT pg_sleep(30), 'victim' AS tag")));
      try (var admin = PostgresFixture.superuser()) {
        int killed = 0;
        while (killed == 0 && !running.isDone()) {
          try (var rs =
              admin
                  .createStatement()
                  .executeQuery(
                      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                          + " WHERE query LIKE 'SELECT pg_sleep(30), ''victim''%'"
                          + " AND pid <> pg_backend_pid()")) {
            rs.next();
            killed = rs.getInt(1);
          }
        }
        assertThat(killed).isEqualTo(1);
      }
      var outcome = running.get();
      assertThat(outcome.errorKind()).isEqualTo(ToolException.Kind.UNAVAILABLE);
      assertThat(text(outcome)).contains("Lost the connection").contains("retry");
      for (int i = 0; i < 6; i++) {
        assertThat(ok(tools, "query", Map.of("sql", "SELECT 2 AS two")).get("rows"))
            .isEqualTo(List.of(List.of(2)));
      }
    }
  }

  @Test
  void fiftyConcurrentQueriesAreAllAnsweredWithinThePoolSize() throws Exception {
    var limits =
        new PgLimits(
            4, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(5), 500, 1 << 20);
    try (var tools =
        PostgresToolset.of(
            List.of(DatabaseConfig.of("busy", PostgresFixture.readerUrl(), false, false)),
            limits)) {
      ExecutorService pool = Executors.newFixedThreadPool(50);
      try {
        var calls = new ArrayList<Callable<Map<String, Object>>>();
        for (int i = 0; i < 50; i++) {
          calls.add(
              () ->
                  ok(
                      tools,
                      "query",
                      Map.of(
                          "sql",
                          "SELECT count(*) AS open FROM pg_stat_activity, pg_sleep(0.05)"
                              + " WHERE application_name = 'devhost:busy'")));
        }
        int most = 0;
        for (Future<Map<String, Object>> f : pool.invokeAll(calls)) {
          var rows = (List<?>) f.get().get("rows");
          most = Math.max(most, ((Number) ((List<?>) rows.get(0)).get(0)).intValue());
        }
        assertThat(most).isBetween(1, 4);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aSuperuserConnectionIsRefusedUnlessAllowed() throws SQLException {
    var url = PostgresFixture.superuserUrl();
    try (var refused =
        PostgresToolset.of(
            List.of(DatabaseConfig.of("admin", url, false, false)), PostgresFixture.LIMITS)) {
      var outcome = call(refused, "query", Map.of("sql", "SELECT 1"));
      assertThat(outcome.errorKind()).isEqualTo(ToolException.Kind.DENIED);
      assertThat(text(outcome))
          .contains("superuser 'postgres'")
          .contains("devhost db create-readonly-role --database admin")
          .contains("--db-allow-superuser admin");
    }
    try (var allowed =
        PostgresToolset.of(
            List.of(DatabaseConfig.of("admin", url, false, true)), PostgresFixture.LIMITS)) {
      assertThat(ok(allowed, "query", Map.of("sql", "SELECT 1 AS one")).get("rows"))
          .isEqualTo(List.of(List.of(1)));
    }
  }
}

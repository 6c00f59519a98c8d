package io.devhost.pg;

import io.devhost.core.ResultLimits;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolRunner;
import io.devhost.core.Toolset;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One real PostgreSQL for the whole test run, started through {@link EmbeddedServer} with the demo
 * shop loaded, so the tests exercise the same set-up users get. The superuser connection is for
 * arranging and checking state from outside the tools.
 */
final class PostgresFixture {

  static final PgLimits LIMITS =
      new PgLimits(
          5, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2), 500, 1 << 20);

  /** The demo application's own migrations and seed, as {@code devhost serve --demo} loads them. */
  static final SeedScripts DEMO_SHOP = SeedScripts.fromDirectory(Path.of("../examples/shop/db"));

  private static EmbeddedServer server;

  private PostgresFixture() {}

  static synchronized EmbeddedServer server() {
    if (server == null) {
      try {
        Path dir = Files.createTempDirectory("devhost-pg-test");
        server = new EmbeddedServer(dir, DEMO_SHOP);
        server.readerUrl();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  static DatabaseUrl readerUrl() {
    return server().readerUrl();
  }

  static DatabaseUrl ownerUrl() {
    return server().ownerUrl();
  }

  /** The same server and database, as the superuser. */
  static DatabaseUrl superuserUrl() {
    return new DatabaseUrl(readerUrl().jdbcUrl(), "postgres", null);
  }

  static Connection superuser() throws SQLException {
    return DriverManager.getConnection(superuserUrl().jdbcUrl(), "postgres", null);
  }

  /** A toolset on the demo database: {@code shop} read-only, {@code shop_rw} read-write. */
  static PostgresToolset toolset() {
    return PostgresToolset.of(
        List.of(
            DatabaseConfig.of("shop", readerUrl(), false, false),
            DatabaseConfig.of("shop_rw", ownerUrl(), true, false)),
        LIMITS);
  }

  static ToolRunner.Outcome call(Toolset toolset, String tool, Map<String, Object> args) {
    var spec =
        toolset.tools().stream()
            .filter(t -> t.name().equals(tool))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no tool " + tool));
    return new ToolRunner(ResultLimits.DEFAULT).run(spec, args, ToolContext.DETACHED);
  }

  /** The structured result of a call that must succeed. */
  static Map<String, Object> ok(Toolset toolset, String tool, Map<String, Object> args) {
    var outcome = call(toolset, tool, args);
    if (outcome.isError()) {
      throw new AssertionError(tool + " failed: " + text(outcome));
    }
    @SuppressWarnings("unchecked")
    var structured = (Map<String, Object>) outcome.result().structuredContent();
    return structured;
  }

  static String text(ToolRunner.Outcome outcome) {
    return ((McpSchema.TextContent) outcome.result().content().get(0)).text();
  }
}

package io.devhost.pg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL DevHost runs itself when no database is configured: real binaries, data kept in
 * the user's DevHost directory, started on first use and stopped with DevHost.
 *
 * <p>The server runs as the superuser {@code postgres}, which is only used here to set it up. Tools
 * connect as {@value #READER} (member of {@code pg_read_all_data}, no superuser, no file roles) or,
 * for a read-write configuration, as {@value #OWNER}, which owns the {@value #DATABASE} database
 * but is no superuser either, so neither can read server files or run programs.
 */
public final class EmbeddedServer implements AutoCloseable {

  static final String DATABASE = "devhost";
  static final String OWNER = "devhost_owner";
  static final String READER = "devhost_readonly";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

  /**
   * Takes the signalling functions from PUBLIC in DevHost's own database, so neither tool role can
   * cancel or end another session even through SQL the guard cannot see (a function that runs a
   * query string): PostgreSQL otherwise lets every role signal the sessions of its own role. Only
   * this database is affected (functions are per database); the superuser keeps them.
   */
  static final String REVOKE_SIGNALLING =
      "DO $$ DECLARE f regprocedure; BEGIN"
          + " FOR f IN SELECT p.oid::regprocedure FROM pg_proc p"
          + " WHERE p.pronamespace = 'pg_catalog'::regnamespace"
          + " AND p.proname IN ('pg_terminate_backend', 'pg_cancel_backend') LOOP"
          + " EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);"
          + " END LOOP; END $$";

  private final Path dataDirectory;
  private final SeedScripts sampleData;
  private EmbeddedPostgres postgres;
  private boolean closed;

  /**
   * @param sampleData scripts that seed the database on start, or null to leave it as it is
   */
  public EmbeddedServer(Path dataDirectory, SeedScripts sampleData) {
    this.dataDirectory = dataDirectory;
    this.sampleData = sampleData;
  }

  /** The default data directory: {@code ~/.devhost/postgres}. */
  public static Path defaultDataDirectory() {
    return Path.of(System.getProperty("user.home"), ".devhost", "postgres");
  }

  /** Where the read-only role connects; starts the server on first call. */
  public synchronized DatabaseUrl readerUrl() {
    return new DatabaseUrl(
        start().getJdbcUrl(READER, DATABASE).replaceAll("\\?.*", ""), READER, null);
  }

  /** Where the owning, non-superuser role connects; starts the server on first call. */
  public synchronized DatabaseUrl ownerUrl() {
    return new DatabaseUrl(
        start().getJdbcUrl(OWNER, DATABASE).replaceAll("\\?.*", ""), OWNER, null);
  }

  private EmbeddedPostgres start() {
    if (closed) {
      throw new IllegalStateException("DevHost is shutting down.");
    }
    if (postgres != null) {
      return postgres;
    }
    long started = System.nanoTime();
    try {
      Files.createDirectories(dataDirectory);
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory.resolve("data"))
              .setCleanDataDirectory(false)
              .setServerConfig("shared_preload_libraries", "pg_stat_statements")
              .setServerConfig("listen_addresses", "localhost")
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the embedded PostgreSQL in "
              + dataDirectory
              + " did not start ("
              + e.getMessage()
              + "); another DevHost may be using it, or pass --db-data-dir for another directory",
          e);
    }
    try {
      prepare();
    } catch (SQLException e) {
      closeQuietly();
      throw new IllegalStateException("setting up the embedded PostgreSQL failed: " + e, e);
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
    LOG.info(
        "embedded PostgreSQL ready on port {} with data in {} ({} ms)",
        postgres.getPort(),
        dataDirectory,
        (System.nanoTime() - started) / 1_000_000);
    return postgres;
  }

  /** Idempotent: roles, database and grants are created only when missing. */
  private void prepare() throws SQLException {
    try (Connection admin = connect("postgres", "postgres");
        Statement s = admin.createStatement()) {
      s.execute(
          "DO $$ BEGIN"
              + " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '"
              + OWNER
              + "') THEN CREATE ROLE "
              + OWNER
              + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; END IF;"
              + " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '"
              + READER
              + "') THEN CREATE ROLE "
              + READER
              + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; END IF; END $$");
      s.execute("GRANT pg_read_all_data, pg_read_all_stats TO " + READER);
      s.execute("ALTER ROLE " + READER + " SET default_transaction_read_only = on");
      try (var rs =
          s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        if (!rs.next()) {
          s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
        }
      }
    }
    try (Connection admin = connect("postgres", DATABASE);
        Statement s = admin.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
      s.execute("ALTER SCHEMA public OWNER TO " + OWNER);
      s.execute(REVOKE_SIGNALLING);
    }
    if (sampleData != null) {
      try (Connection owner = connect(OWNER, DATABASE)) {
        SampleData.seed(owner, sampleData);
      }
    }
  }

  private Connection connect(String user, String database) throws SQLException {
    return DriverManager.getConnection(postgres.getJdbcUrl(user, database));
  }

  private void closeQuietly() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("stopping the embedded PostgreSQL failed", e);
    }
    postgres = null;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (postgres != null) {
      closeQuietly();
    }
  }
}

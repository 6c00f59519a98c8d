package io.devhost.pg;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One named database: its pool, opened on first use, and the transaction every call runs in.
 *
 * <p>Reads run in a {@code READ ONLY} transaction that always ends in {@code ROLLBACK}; every call
 * then gets {@code DISCARD ALL}, so nothing a statement did to the session (settings, advisory
 * locks, prepared statements, temp tables) reaches the next call that borrows the connection.
 *
 * <p>{@code statement_timeout}, {@code lock_timeout} and {@code
 * idle_in_transaction_session_timeout} are connection start-up settings, which makes them what
 * {@code DISCARD ALL} (through {@code RESET ALL}) restores: every call starts with exactly these
 * values, and a statement that changes them changes them for its own call only. Setting them with
 * {@code SET LOCAL} in each call instead would cost a round trip and a parse per call (measured:
 * SELECT 1 went from 0.09 to 0.20 ms). Read-only databases also start with {@code
 * default_transaction_read_only=on}, so even a transaction DevHost did not open would be read-only.
 */
public final class Database implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /** Work done on a connection inside the transaction DevHost opened. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DatabaseConfig config;
  private final PgLimits limits;
  private final StatementCanceller canceller = new StatementCanceller();
  private volatile HikariDataSource pool;
  private volatile boolean privilegesChecked;
  private volatile ToolException refusal;
  private boolean closed;

  Database(DatabaseConfig config, PgLimits limits) {
    this.config = config;
    this.limits = limits;
  }

  public String name() {
    return config.name();
  }

  public boolean readWrite() {
    return config.readWrite();
  }

  PgLimits limits() {
    return limits;
  }

  /** Cancels {@code statement} on the server if the client cancels the call while it runs. */
  StatementCanceller.Watch cancelOnRequest(ToolContext ctx, Statement statement) {
    return canceller.watch(ctx, statement);
  }

  /**
   * Runs {@code work} in a read-only transaction that is rolled back afterwards.
   *
   * @param sql the caller's SQL, to locate an error in it; null for DevHost's own queries
   * @param prefixLength characters DevHost put before the caller's SQL
   */
  <T> T read(String sql, int prefixLength, SqlWork<T> work) {
    return inTransaction(true, sql, prefixLength, work);
  }

  /** Runs {@code work} in a read-write transaction, committed when it returns normally. */
  <T> T write(String sql, SqlWork<T> work) {
    if (!config.readWrite()) {
      throw ToolException.denied(
          "Database '"
              + name()
              + "' is read-only, so execute is refused. Restart DevHost with --db-read-write "
              + name()
              + " to allow writes, or use query for reads.");
    }
    return inTransaction(false, sql, 0, work);
  }

  private <T> T inTransaction(boolean readOnly, String sql, int prefixLength, SqlWork<T> work) {
    Connection connection = borrow();
    try {
      checkPrivileges(connection);
      connection.setReadOnly(readOnly);
      connection.setAutoCommit(false);
      T result = work.run(connection);
      if (readOnly) {
        connection.rollback();
      } else {
        connection.commit();
      }
      return result;
    } catch (SQLException e) {
      throw PgErrors.translate(e, name(), sql, prefixLength);
    } finally {
      rollbackAndReset(connection);
      closeQuietly(connection);
    }
  }

  /** Empty when a connection can be had and answers, else why not (no URL, no password). */
  Optional<String> unreachable() {
    try (Connection connection = borrow()) {
      return connection.isValid(2)
          ? Optional.empty()
          : Optional.of("database '" + name() + "' does not answer");
    } catch (SQLException | RuntimeException e) {
      return Optional.of("database '" + name() + "' is not reachable");
    }
  }

  private Connection borrow() {
    try {
      return pool().getConnection();
    } catch (SQLException e) {
      throw PgErrors.unreachable(name(), e.getCause() instanceof SQLException c ? c : e);
    }
  }

  /**
   * Rolls back what is still open (a no-op after a commit) and resets the session; a connection
   * that cannot be reset is taken out of the pool.
   */
  private void rollbackAndReset(Connection connection) {
    try {
      if (!connection.isClosed()) {
        connection.rollback();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("DISCARD ALL");
        }
      }
    } catch (SQLException e) {
      LOG.debug("evicting a connection of {} that could not be reset: {}", name(), e.toString());
      HikariDataSource current = pool;
      if (current != null) {
        current.evictConnection(connection);
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("closing a pooled connection failed", e);
    }
  }

  private HikariDataSource pool() {
    HikariDataSource current = pool;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (closed) {
        throw new ToolException(ToolException.Kind.UNAVAILABLE, "DevHost is shutting down.");
      }
      if (pool == null) {
        pool = new HikariDataSource(poolConfig(resolveUrl()));
      }
      return pool;
    }
  }

  private DatabaseUrl resolveUrl() {
    try {
      return config.url().get();
    } catch (RuntimeException e) {
      LOG.warn("database {} could not be prepared", name(), e);
      throw new ToolException(
          ToolException.Kind.UNAVAILABLE,
          "Database '" + name() + "' could not be started: " + e.getMessage(),
          e);
    }
  }

  private HikariConfig poolConfig(DatabaseUrl url) {
    var hikari = new HikariConfig();
    hikari.setPoolName("devhost-" + name());
    hikari.setJdbcUrl(url.jdbcUrl());
    hikari.setUsername(url.user());
    hikari.setPassword(url.password());
    if (url.sslPassword() != null) {
      hikari.addDataSourceProperty("sslpassword", url.sslPassword());
    }
    hikari.setMaximumPoolSize(limits.poolSize());
    hikari.setMinimumIdle(Math.min(2, limits.poolSize()));
    hikari.setConnectionTimeout(Math.max(250, limits.connectTimeout().toMillis()));
    // The pool is created even while the server is down; calls report it and later ones recover.
    hikari.setInitializationFailTimeout(-1);
    hikari.setReadOnly(!config.readWrite());
    hikari.addDataSourceProperty("ApplicationName", "devhost:" + name());
    hikari.addDataSourceProperty(
        "connectTimeout", String.valueOf(Math.max(1, limits.connectTimeout().toSeconds())));
    // A last resort for a dead network: the server ends statements long before this.
    hikari.addDataSourceProperty(
        "socketTimeout", String.valueOf(limits.statementTimeout().toSeconds() + 60));
    hikari.addDataSourceProperty("tcpKeepAlive", "true");
    hikari.addDataSourceProperty("options", startupOptions(url));
    return hikari;
  }

  private String startupOptions(DatabaseUrl url) {
    var options = new StringBuilder(url.options() == null ? "" : url.options() + " ");
    options.append("-c statement_timeout=").append(limits.statementTimeout().toMillis());
    options.append(" -c lock_timeout=").append(limits.lockTimeout().toMillis());
    options
        .append(" -c idle_in_transaction_session_timeout=")
        .append(limits.idleInTransactionTimeout().toMillis());
    if (!config.readWrite()) {
      options.append(" -c default_transaction_read_only=on");
    }
    return options.toString();
  }

  /**
   * A superuser or a member of the server-file roles can read files and run programs from inside a
   * read-only transaction ({@code pg_read_file}, {@code COPY ... TO PROGRAM}); read-only would then
   * be a promise PostgreSQL does not keep. Superusers are refused unless allowed, the file roles
   * are warned about.
   */
  private void checkPrivileges(Connection connection) throws SQLException {
    if (!privilegesChecked) {
      synchronized (this) {
        if (!privilegesChecked) {
          refusal = privilegeRefusal(connection);
          privilegesChecked = true;
        }
      }
    }
    if (refusal != null) {
      throw refusal;
    }
  }

  private ToolException privilegeRefusal(Connection connection) throws SQLException {
    String user;
    boolean superuser;
    var fileRoles = new ArrayList<String>();
    try (Statement statement = connection.createStatement();
        var rs =
            statement.executeQuery(
                "SELECT current_user, r.rolsuper,"
                    + " pg_has_role(current_user, 'pg_read_server_files', 'MEMBER'),"
                    + " pg_has_role(current_user, 'pg_write_server_files', 'MEMBER'),"
                    + " pg_has_role(current_user, 'pg_execute_server_program', 'MEMBER')"
                    + " FROM pg_roles r WHERE r.rolname = current_user")) {
      rs.next();
      user = rs.getString(1);
      superuser = rs.getBoolean(2);
      List<String> names =
          List.of("pg_read_server_files", "pg_write_server_files", "pg_execute_server_program");
      for (int i = 0; i < names.size(); i++) {
        if (rs.getBoolean(3 + i)) {
          fileRoles.add(names.get(i));
        }
      }
    }
    if (superuser && !config.allowSuperuser()) {
      LOG.warn("database {}: refusing to run as superuser {}", name(), user);
      return ToolException.denied(
          "Database '"
              + name()
              + "' connects as superuser '"
              + user
              + "', which can read server files and run programs even in a read-only"
              + " transaction, so DevHost refuses it. Connect as a least-privilege role (`devhost db"
              + " create-readonly-role --database "
              + name()
              + "` prints the SQL for one), or restart with --db-allow-superuser "
              + name()
              + " to accept the risk.");
    }
    if (superuser) {
      LOG.warn("database {}: connected as superuser {} (allowed by configuration)", name(), user);
    } else if (!fileRoles.isEmpty()) {
      LOG.warn(
          "database {}: role {} is a member of {}: it can read or write server files even in a"
              + " read-only transaction; prefer a role without them (devhost db"
              + " create-readonly-role)",
          name(),
          user,
          fileRoles);
    }
    return null;
  }

  @Override
  public synchronized void close() {
    closed = true;
    canceller.close();
    if (pool != null) {
      pool.close();
    }
  }
}

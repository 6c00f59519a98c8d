package io.devhost.pg;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The SQL for a least-privilege role that DevHost's read-only tools can connect as: it logs in,
 * reads, and can do nothing else. Not a superuser and no member of {@code pg_read_server_files},
 * {@code pg_write_server_files} or {@code pg_execute_server_program}, so {@code pg_read_file} and
 * {@code COPY ... TO PROGRAM} are refused by PostgreSQL; read-only by default at the role level, so
 * even a session DevHost did not set up cannot write.
 *
 * @param role the role to create
 * @param password its password
 * @param database the database it may connect to
 * @param schemas when empty, every table through {@code pg_read_all_data} (PostgreSQL 14+); else
 *     SELECT on the tables of these schemas only, now and in future
 */
public record ReadOnlyRole(String role, String password, String database, List<String> schemas) {

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  public ReadOnlyRole {
    requireIdentifier("role", role);
    schemas = List.copyOf(schemas);
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("The role needs a password.");
    }
    if (database == null || database.isBlank()) {
      throw new IllegalArgumentException("The database name is required.");
    }
  }

  /** A random 24-character password from an alphabet without look-alike characters. */
  public static String randomPassword() {
    var random = new SecureRandom();
    var sb = new StringBuilder(24);
    for (int i = 0; i < 24; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  public String sql() {
    var sb = new StringBuilder();
    sb.append("-- A least-privilege role for DevHost's read-only PostgreSQL tools.\n");
    sb.append("CREATE ROLE ")
        .append(role)
        .append(" LOGIN PASSWORD ")
        .append(literal(password))
        .append(" NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;\n");
    sb.append("ALTER ROLE ").append(role).append(" SET default_transaction_read_only = on;\n");
    sb.append("ALTER ROLE ").append(role).append(" SET statement_timeout = '30s';\n");
    sb.append("GRANT CONNECT ON DATABASE ")
        .append(quoteIdentifier(database))
        .append(" TO ")
        .append(role)
        .append(";\n");
    if (schemas.isEmpty()) {
      sb.append("-- Read every table, view and sequence (PostgreSQL 14 and later).\n");
      sb.append("GRANT pg_read_all_data TO ").append(role).append(";\n");
    } else {
      for (String schema : schemas) {
        String s = quoteIdentifier(schema);
        sb.append("GRANT USAGE ON SCHEMA ").append(s).append(" TO ").append(role).append(";\n");
        sb.append("GRANT SELECT ON ALL TABLES IN SCHEMA ")
            .append(s)
            .append(" TO ")
            .append(role)
            .append(";\n");
        sb.append("ALTER DEFAULT PRIVILEGES IN SCHEMA ")
            .append(s)
            .append(" GRANT SELECT ON TABLES TO ")
            .append(role)
            .append(";\n");
      }
    }
    sb.append("-- Lets the health and top_queries tools see other sessions and statistics.\n");
    sb.append("GRANT pg_read_all_stats TO ").append(role).append(";\n");
    sb.append(
        "-- Optional, for the whole database: PostgreSQL lets every role cancel or end the\n"
            + "-- sessions of its own role. DevHost's guard refuses those calls in read-only tools;\n"
            + "-- to have PostgreSQL refuse them too, also for functions that run SQL from a string,\n"
            + "-- take them from PUBLIC (superusers and roles you GRANT them to keep them):\n"
            + "-- REVOKE EXECUTE ON FUNCTION pg_catalog.pg_terminate_backend(integer, bigint),\n"
            + "--   pg_catalog.pg_cancel_backend(integer) FROM PUBLIC;\n");
    return sb.toString();
  }

  /** Runs {@link #sql()} in one transaction as {@code admin}, a role allowed to create roles. */
  public void create(DatabaseUrl admin) throws SQLException {
    var props = new Properties();
    if (admin.user() != null) {
      props.setProperty("user", admin.user());
    }
    if (admin.password() != null) {
      props.setProperty("password", admin.password());
    }
    if (admin.sslPassword() != null) {
      props.setProperty("sslpassword", admin.sslPassword());
    }
    try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), props);
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute(sql());
      c.commit();
    }
  }

  private static void requireIdentifier(String what, String value) {
    if (value == null || !IDENTIFIER.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + " '" + value + "' must be a lower-case SQL identifier, e.g. devhost_readonly.");
    }
  }

  static String quoteIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}

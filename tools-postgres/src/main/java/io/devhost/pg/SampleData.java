package io.devhost.pg;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;

/**
 * Puts sample data into the embedded database: applies the migrations, recording each in {@code
 * schema_migrations} as a migration tool would, then the seed. The schema is marked with the
 * scripts' checksum, so a restart keeps the data and a newer DevHost with other scripts replaces
 * it. Data that this class did not put there is never dropped.
 */
final class SampleData {

  private static final String MARK = "DevHost sample data ";

  private SampleData() {}

  static void seed(Connection owner, SeedScripts scripts) throws SQLException {
    String mark = MARK + scripts.checksum();
    owner.setAutoCommit(false);
    try (Statement s = owner.createStatement()) {
      String current = schemaComment(s);
      if (mark.equals(current)) {
        owner.rollback();
        return;
      }
      if (current == null || !current.startsWith(MARK)) {
        refuseIfNotEmpty(s);
      }
      dropOwnRelations(s);
      s.execute(
          "CREATE TABLE schema_migrations (version integer PRIMARY KEY, description text NOT"
              + " NULL, checksum text NOT NULL, installed_on timestamptz NOT NULL DEFAULT now())");
      try (var record =
          owner.prepareStatement(
              "INSERT INTO schema_migrations (version, description, checksum) VALUES (?, ?, ?)")) {
        for (SeedScripts.Migration m : scripts.migrations()) {
          s.execute(m.sql());
          record.setInt(1, m.version());
          record.setString(2, m.description());
          record.setString(3, SeedScripts.checksum(m));
          record.executeUpdate();
        }
      }
      s.execute(scripts.seed());
      s.execute("COMMENT ON SCHEMA public IS '" + mark + "'");
      owner.commit();
    } catch (SQLException | RuntimeException e) {
      owner.rollback();
      throw e;
    } finally {
      owner.setAutoCommit(true);
    }
    try (Statement s = owner.createStatement()) {
      s.execute("ANALYZE");
    }
  }

  private static String schemaComment(Statement s) throws SQLException {
    try (var rs =
        s.executeQuery("SELECT obj_description('public'::regnamespace, 'pg_namespace')")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void refuseIfNotEmpty(Statement s) throws SQLException {
    try (var rs =
        s.executeQuery(
            "SELECT count(*) FROM pg_class c WHERE relnamespace = 'public'::regnamespace"
                + " AND relkind IN ('r', 'v', 'm', 'p')"
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d"
                + " WHERE d.objid = c.oid AND d.deptype = 'e')")) {
      rs.next();
      if (rs.getLong(1) > 0) {
        throw new IllegalStateException(
            "the embedded database already holds tables that are not sample data; sample data"
                + " goes only into an empty data directory (choose one with --db-data-dir)");
      }
    }
  }

  /** Removes the tables and views an earlier seeding created, before seeding again. */
  private static void dropOwnRelations(Statement s) throws SQLException {
    var drops = new ArrayList<String>();
    try (var rs =
        s.executeQuery(
            "SELECT format('DROP %s IF EXISTS %I CASCADE',"
                + " CASE relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'"
                + " ELSE 'TABLE' END, relname)"
                + " FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                + " AND relkind IN ('r', 'v', 'm', 'p') AND relowner = current_user::regrole")) {
      while (rs.next()) {
        drops.add(rs.getString(1));
      }
    }
    for (String drop : drops) {
      s.execute(drop);
    }
  }
}

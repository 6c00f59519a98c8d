package io.devhost.pg;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs DevHost's own catalog queries: fixed SQL, values always bound. */
final class CatalogQueries {

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Schemas every listing leaves out: PostgreSQL's own and per-session temporary ones. */
  static final String USER_SCHEMA =
      "nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
          + " AND nspname NOT LIKE 'pg_temp_%' AND nspname NOT LIKE 'pg_toast_temp_%'";

  private CatalogQueries() {}

  static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      try (var rs = statement.executeQuery()) {
        var out = new ArrayList<T>();
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
        return out;
      }
    }
  }

  /** A nullable long column. */
  static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** A nullable double column. */
  static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}

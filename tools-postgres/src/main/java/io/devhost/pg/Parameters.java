package io.devhost.pg;

import io.devhost.core.Json;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;

/**
 * Binds the caller's values to the statement's {@code $n} markers as untyped text, the way psql's
 * {@code \bind} does: PostgreSQL infers each one's type from where it is used, so {@code 42} works
 * for an {@code int4} column and {@code "2024-01-01"} for a date. Values are never spliced into the
 * SQL text.
 */
final class Parameters {

  private Parameters() {}

  static void bind(PreparedStatement statement, SqlGuard.Checked checked, List<Object> values)
      throws SQLException {
    int[] order = checked.parameterOrder();
    for (int i = 0; i < order.length; i++) {
      Object value = values.get(order[i]);
      if (value == null) {
        statement.setNull(i + 1, Types.NULL);
      } else {
        statement.setObject(i + 1, text(value), Types.OTHER);
      }
    }
  }

  /** Objects become JSON (for json/jsonb); arrays become PostgreSQL array literals. */
  private static String text(Object value) {
    if (value instanceof Map<?, ?>) {
      return Json.MAPPER.writeValueAsString(value);
    }
    if (value instanceof List<?> list) {
      var sb = new StringBuilder("{");
      for (Object element : list) {
        if (sb.length() > 1) {
          sb.append(',');
        }
        if (element == null) {
          sb.append("NULL");
        } else if (element instanceof List<?>) {
          sb.append(text(element));
        } else {
          String s = textOf(element);
          sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
      }
      return sb.append('}').toString();
    }
    return String.valueOf(value);
  }

  private static String textOf(Object element) {
    return element instanceof Map<?, ?> ? Json.MAPPER.writeValueAsString(element) : text(element);
  }
}

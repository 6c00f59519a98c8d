package io.devhost.pg;

import io.devhost.core.Json;
import io.devhost.core.UntrustedText;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.postgresql.util.PGobject;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns a column value into something JSON carries without loss: integers and floats as numbers,
 * {@code numeric} as its exact text, {@code json}/{@code jsonb} as JSON, date and time types as
 * ISO-8601, {@code bytea} as base64, arrays as arrays, everything else as its PostgreSQL text with
 * invisible characters stripped (database text is untrusted).
 */
final class JsonValues {

  private JsonValues() {}

  static Object read(ResultSet rs, int column, String type) throws SQLException {
    Object value =
        switch (type) {
          case "int2", "int4" -> rs.getInt(column);
          case "int8", "oid" -> rs.getLong(column);
          case "float4", "float8" -> finiteOrText(rs.getDouble(column));
          case "bool" -> rs.getBoolean(column);
          case "json", "jsonb" -> json(rs.getString(column));
          case "bytea" -> base64(rs.getBytes(column));
          case "timestamptz" -> temporal(rs, column, OffsetDateTime.class);
          case "timestamp" -> temporal(rs, column, LocalDateTime.class);
          case "date" -> temporal(rs, column, LocalDate.class);
          case "time" -> temporal(rs, column, LocalTime.class);
          case "timetz" -> temporal(rs, column, OffsetTime.class);
          default -> type.startsWith("_") ? array(rs.getArray(column)) : text(rs.getString(column));
        };
    return rs.wasNull() ? null : value;
  }

  /** Rough size of the value as JSON, to stop a page before it grows past the byte cap. */
  static int estimateBytes(Object value) {
    if (value == null) {
      return 5;
    }
    if (value instanceof String s) {
      return s.length() + 3;
    }
    if (value instanceof List<?> list) {
      int sum = 2;
      for (Object o : list) {
        sum += estimateBytes(o);
      }
      return sum;
    }
    if (value instanceof JsonNode node) {
      return node.toString().length() + 1;
    }
    return 12;
  }

  private static Object finiteOrText(double d) {
    return Double.isFinite(d) ? d : Double.toString(d);
  }

  private static Object json(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(UntrustedText.strip(text));
    } catch (JacksonException e) {
      return text(text);
    }
  }

  private static String base64(byte[] bytes) {
    return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
  }

  /** Infinity and out-of-range values have no java.time form; PostgreSQL's text is kept. */
  private static String temporal(ResultSet rs, int column, Class<?> type) throws SQLException {
    Object value;
    try {
      value = rs.getObject(column, type);
    } catch (SQLException | RuntimeException e) {
      return rs.getString(column);
    }
    if (value == null) {
      return null;
    }
    String iso = iso(value);
    return iso != null ? iso : rs.getString(column);
  }

  private static String iso(Object value) {
    if (value instanceof OffsetDateTime t) {
      return t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN)
          ? null
          : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
    if (value instanceof LocalDateTime t) {
      return t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN)
          ? null
          : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
    }
    if (value instanceof LocalDate d) {
      return d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN)
          ? null
          : DateTimeFormatter.ISO_LOCAL_DATE.format(d);
    }
    if (value instanceof LocalTime t) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(t);
    }
    if (value instanceof OffsetTime t) {
      return DateTimeFormatter.ISO_OFFSET_TIME.format(t);
    }
    return null;
  }

  private static List<Object> array(Array array) throws SQLException {
    if (array == null) {
      return null;
    }
    try {
      return elements((Object[]) array.getArray());
    } finally {
      array.free();
    }
  }

  private static List<Object> elements(Object[] values) {
    var out = new ArrayList<Object>(values.length);
    for (Object v : values) {
      out.add(element(v));
    }
    return out;
  }

  private static Object element(Object v) {
    if (v == null || v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      return v;
    }
    if (v instanceof Short s) {
      return s.intValue();
    }
    if (v instanceof Double || v instanceof Float) {
      return finiteOrText(((Number) v).doubleValue());
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Object[] nested) {
      return elements(nested);
    }
    if (v instanceof byte[] bytes) {
      return base64(bytes);
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant().toString();
    }
    if (v instanceof PGobject o) {
      return "json".equals(o.getType()) || "jsonb".equals(o.getType())
          ? json(o.getValue())
          : text(o.getValue());
    }
    return text(v.toString());
  }

  private static String text(String value) {
    return UntrustedText.strip(value);
  }
}

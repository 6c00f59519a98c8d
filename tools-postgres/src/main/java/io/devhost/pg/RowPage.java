package io.devhost.pg;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a result set, read row by row from a cursor the driver fetches in batches, so a
 * statement that would return millions of rows costs no more memory than the page.
 */
record RowPage(List<Column> columns, List<List<Object>> rows, Truncation truncated) {

  /** A result column with its PostgreSQL type name. */
  record Column(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
      @Schema(
              description = "PostgreSQL type name, e.g. int4, numeric, jsonb, _text (array).",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String type) {}

  /** Why a page stopped before the end of the result; null when it did not. */
  enum Truncation {
    rows,
    bytes
  }

  static List<Column> columns(ResultSetMetaData meta) throws SQLException {
    var columns = new ArrayList<Column>(meta.getColumnCount());
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(new Column(meta.getColumnLabel(i), storedType(meta.getColumnTypeName(i))));
    }
    return columns;
  }

  /** pgjdbc names integer columns with a sequence default "serial"; the stored type is meant. */
  private static String storedType(String name) {
    return switch (name) {
      case "serial" -> "int4";
      case "bigserial" -> "int8";
      case "smallserial" -> "int2";
      default -> name;
    };
  }

  /**
   * Reads up to {@code maxRows} rows after skipping {@code skip}, stopping early once the page
   * reaches about {@code maxBytes} of JSON.
   */
  static RowPage read(ResultSet rs, long skip, int maxRows, int maxBytes, ToolContext ctx)
      throws SQLException {
    List<Column> columns = columns(rs.getMetaData());
    for (long skipped = 0; skipped < skip; skipped++) {
      if (!rs.next()) {
        return new RowPage(columns, List.of(), null);
      }
      if (skipped % 1024 == 0) {
        ctx.throwIfCancelled();
      }
    }
    var rows = new ArrayList<List<Object>>(Math.min(maxRows, 1024));
    long bytes = 0;
    while (rs.next()) {
      if (rows.size() == maxRows) {
        return new RowPage(columns, rows, Truncation.rows);
      }
      var row = new ArrayList<Object>(columns.size());
      int rowBytes = 2;
      for (int i = 0; i < columns.size(); i++) {
        Object value = JsonValues.read(rs, i + 1, columns.get(i).type());
        row.add(value);
        rowBytes += JsonValues.estimateBytes(value);
      }
      if (bytes + rowBytes > maxBytes) {
        if (rows.isEmpty()) {
          throw new ToolException(
              ToolException.Kind.TOO_LARGE,
              "A single row is about "
                  + rowBytes
                  + " bytes, over the "
                  + maxBytes
                  + "-byte cap. Select fewer or shorter columns (e.g. left(col, 1000)).");
        }
        return new RowPage(columns, rows, Truncation.bytes);
      }
      rows.add(row);
      bytes += rowBytes;
      if (rows.size() % 256 == 0) {
        ctx.throwIfCancelled();
      }
    }
    return new RowPage(columns, rows, null);
  }
}

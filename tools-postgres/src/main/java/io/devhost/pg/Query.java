package io.devhost.pg;

import io.devhost.core.Cursor;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Runs one read-only SQL statement and returns a capped, typed page of its rows. */
final class Query {

  /** Past this many characters the text rendering stops adding rows. */
  private static final int RENDERED_CHARS = 12_000;

  private Query() {}

  record Input(
      @Schema(
              description =
                  "One SQL statement (SELECT, WITH, VALUES, TABLE, SHOW, EXPLAIN). Use $1, $2, ..."
                      + " for values.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String sql,
      @Schema(
              description =
                  "Values for $1, $2, ... in order. Sent as untyped text and typed by PostgreSQL"
                      + " from where they are used (cast, e.g. $1::int, when ambiguous); objects"
                      + " are sent as JSON, arrays as PostgreSQL arrays.")
          List<Object> params,
      @Schema(description = "Most rows to return (default 500).", minimum = "1", maximum = "10000")
          Integer maxRows,
      @Schema(description = "Database name; default: the first configured.") String database,
      @Schema(
              description =
                  "nextCursor of a previous result of the same sql and params, for the next page.")
          String cursor) {

    Input {
      if (maxRows != null && (maxRows < 1 || maxRows > PgLimits.MAX_ROWS_CAP)) {
        throw new IllegalArgumentException(
            "maxRows must be between 1 and " + PgLimits.MAX_ROWS_CAP + ", got " + maxRows + ".");
      }
      params = params == null ? List.of() : params;
    }
  }

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String database,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<RowPage.Column> columns,
      @Schema(
              description = "Rows as arrays, in column order.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          List<List<Object>> rows,
      @Schema(description = "Rows in this page.", requiredMode = Schema.RequiredMode.REQUIRED)
          int rowCount,
      @Schema(
              description = "Rows skipped before this page (from the cursor).",
              requiredMode = Schema.RequiredMode.REQUIRED)
          long offset,
      @Schema(
              description = "True when more rows exist than this page holds.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          boolean truncated,
      @Schema(description = "Which cap stopped the page: rows or bytes.")
          RowPage.Truncation truncatedBy,
      @Schema(
              description =
                  "Pass as cursor with the same sql and params for the next page; the statement"
                      + " runs again, so add ORDER BY for a stable order.")
          String nextCursor,
      @Schema(description = "Rows changed, for statements that return no rows.") Long updateCount,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long elapsedMs) {}

  static ToolSpec<Input, Output> spec(Databases databases) {
    return ToolSpec.builder("query", Input.class, Output.class)
        .title("Run a read-only SQL query")
        .description(
            "Runs one SQL statement in a read-only transaction that is rolled back afterwards,"
                + " with a statement timeout. Returns typed rows: numbers as numbers, numeric as"
                + " exact strings, json/jsonb as JSON, timestamps as ISO-8601, bytea as base64,"
                + " arrays as arrays. Results are capped by rows (maxRows, default 500) and by"
                + " size; when truncated, pass nextCursor back to get the next page. Pass values"
                + " as params with $1, $2 placeholders, never inside the SQL text. Use"
                + " list_tables and describe_table first to learn the schema.")
        .idempotent()
        .handler((ctx, in) -> run(databases, ctx, in))
        .render(Query::render)
        .build();
  }

  @SuppressWarnings("try") // the cancellation watch is only closed, never read
  static Output run(Databases databases, ToolContext ctx, Input in) {
    Database db = databases.get(in.database());
    var checked = SqlGuard.checkRead(in.sql(), in.params().size());
    long offset =
        in.cursor() == null
            ? 0
            : offsetFrom(in.cursor(), fingerprint(db.name(), in.sql(), in.params()));
    int maxRows = in.maxRows() == null ? db.limits().defaultMaxRows() : in.maxRows();
    long started = System.nanoTime();
    return StatementCanceller.reportingCancellation(
        ctx,
        () ->
            db.read(
                in.sql(),
                0,
                connection -> {
                  try (PreparedStatement statement =
                          connection.prepareStatement(checked.jdbcSql());
                      var watch = db.cancelOnRequest(ctx, statement)) {
                    // One fetch holds the page and the row that tells whether there is more.
                    statement.setFetchSize(maxRows + 1);
                    Parameters.bind(statement, checked, in.params());
                    if (!statement.execute()) {
                      return new Output(
                          db.name(),
                          List.of(),
                          List.of(),
                          0,
                          0,
                          false,
                          null,
                          null,
                          (long) statement.getUpdateCount(),
                          elapsedMs(started));
                    }
                    try (var rs = statement.getResultSet()) {
                      var page =
                          RowPage.read(rs, offset, maxRows, db.limits().maxResultBytes(), ctx);
                      String next =
                          page.truncated() == null
                              ? null
                              : Cursor.encode(
                                  Map.of(
                                      "q",
                                      fingerprint(db.name(), in.sql(), in.params()),
                                      "offset",
                                      offset + page.rows().size()));
                      return new Output(
                          db.name(),
                          page.columns(),
                          page.rows(),
                          page.rows().size(),
                          offset,
                          page.truncated() != null,
                          page.truncated(),
                          next,
                          null,
                          elapsedMs(started));
                    }
                  }
                }));
  }

  private static long offsetFrom(String cursor, String fingerprint) {
    Map<String, Object> state = Cursor.decode(cursor);
    if (!fingerprint.equals(state.get("q")) || !(state.get("offset") instanceof Number n)) {
      throw ToolException.invalid(
          "This cursor belongs to a different sql, params or database. Pass the same sql, params"
              + " and database as the call that returned it, or omit cursor to start over.");
    }
    return n.longValue();
  }

  private static String fingerprint(String database, String sql, List<Object> params) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(database.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(sql.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(String.valueOf(params).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static long elapsedMs(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  /**
   * A tab-separated table of the first rows, stopped near the size the runner shows inline; the
   * full page is in the structured result.
   */
  static String render(Output out) {
    if (out.columns().isEmpty()) {
      return "Statement ran on " + out.database() + "; " + out.updateCount() + " row(s) affected.";
    }
    var sb = new StringBuilder();
    sb.append(String.join("\t", out.columns().stream().map(RowPage.Column::name).toList()));
    int shown = 0;
    for (List<Object> row : out.rows()) {
      if (sb.length() > RENDERED_CHARS) {
        break;
      }
      sb.append('\n');
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          sb.append('\t');
        }
        sb.append(row.get(i) == null ? "NULL" : String.valueOf(row.get(i)));
      }
      shown++;
    }
    String summary =
        out.rowCount()
            + " row(s)"
            + (shown < out.rowCount() ? ", " + shown + " shown here, all in structuredContent" : "")
            + (out.truncated()
                ? "; truncated by the "
                    + out.truncatedBy()
                    + " cap: pass nextCursor for more, or narrow the query"
                : "");
    return UntrustedText.fence("database " + out.database(), sb.toString()) + "\n" + summary;
  }
}

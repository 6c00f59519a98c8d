package io.devhost.pg;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.PreparedStatement;
import java.util.List;

/** Runs one write (DML or DDL) in its own transaction, on a database configured read-write. */
final class Execute {

  /** Rows a {@code RETURNING} clause may send back. */
  static final int MAX_RETURNED_ROWS = 100;

  private Execute() {}

  record Input(
      @Schema(
              description =
                  "One SQL statement: INSERT, UPDATE, DELETE, MERGE or DDL. Use $1, $2, ... for"
                      + " values.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String sql,
      @Schema(description = "Values for $1, $2, ... in order, typed by PostgreSQL from context.")
          List<Object> params,
      @Schema(description = "Database name; default: the first configured. Must be read-write.")
          String database) {

    Input {
      params = params == null ? List.of() : params;
    }
  }

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String database,
      @Schema(
              description = "Rows inserted, updated or deleted (0 for DDL).",
              requiredMode = Schema.RequiredMode.REQUIRED)
          long rowsAffected,
      @Schema(description = "Columns of a RETURNING clause.") List<RowPage.Column> columns,
      @Schema(description = "Rows of a RETURNING clause, at most " + MAX_RETURNED_ROWS + ".")
          List<List<Object>> returned,
      @Schema(
              description = "True when the transaction was committed.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          boolean committed) {}

  static ToolSpec<Input, Output> spec(Databases databases) {
    return ToolSpec.builder("execute", Input.class, Output.class)
        .title("Run a write statement")
        .description(
            "Runs one INSERT, UPDATE, DELETE, MERGE or DDL statement in its own transaction and"
                + " commits it, reporting rows affected; on any error nothing is changed. Only on"
                + " databases configured read-write. Use query for reads.")
        .destructive(PostgresToolset.WRITE_SWITCH)
        .handler((ctx, in) -> run(databases, ctx, in))
        .render(Execute::render)
        .build();
  }

  @SuppressWarnings("try") // the cancellation watch is only closed, never read
  static Output run(Databases databases, ToolContext ctx, Input in) {
    Database db = databases.get(in.database());
    var checked = SqlGuard.check(in.sql(), in.params().size());
    return StatementCanceller.reportingCancellation(
        ctx,
        () ->
            db.write(
                in.sql(),
                connection -> {
                  try (PreparedStatement statement =
                          connection.prepareStatement(checked.jdbcSql());
                      var watch = db.cancelOnRequest(ctx, statement)) {
                    Parameters.bind(statement, checked, in.params());
                    if (!statement.execute()) {
                      return new Output(db.name(), statement.getUpdateCount(), null, null, true);
                    }
                    try (var rs = statement.getResultSet()) {
                      var page =
                          RowPage.read(rs, 0, MAX_RETURNED_ROWS, db.limits().maxResultBytes(), ctx);
                      // Rows past the page are still read, so the count covers every row changed.
                      long affected = page.rows().size() + (page.truncated() == null ? 0 : 1);
                      while (rs.next()) {
                        affected++;
                      }
                      return new Output(db.name(), affected, page.columns(), page.rows(), true);
                    }
                  }
                }));
  }

  private static String render(Output out) {
    String head = out.rowsAffected() + " row(s) affected on " + out.database() + "; committed.";
    if (out.returned() == null || out.returned().isEmpty()) {
      return head;
    }
    var sb = new StringBuilder();
    out.returned().forEach(row -> sb.append(row).append('\n'));
    return head + "\n" + UntrustedText.fence("database " + out.database(), sb.toString());
  }
}

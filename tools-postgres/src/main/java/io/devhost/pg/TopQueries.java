package io.devhost.pg;

import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The statements that cost the most, from {@code pg_stat_statements}. */
final class TopQueries {

  private TopQueries() {}

  enum Order {
    total_time,
    mean_time,
    calls
  }

  record Input(
      @Schema(description = "What to rank by.", defaultValue = "total_time") Order orderBy,
      @Schema(
              description = "How many statements to return (default 10).",
              minimum = "1",
              maximum = "100")
          Integer limit,
      @Schema(description = "Database name; default: the first configured.") String database) {

    Input {
      orderBy = orderBy == null ? Order.total_time : orderBy;
      if (limit != null && (limit < 1 || limit > 100)) {
        throw new IllegalArgumentException("limit must be between 1 and 100, got " + limit + ".");
      }
      limit = limit == null ? 10 : limit;
    }
  }

  record Statement(
      @Schema(
              description = "Normalized text; constants appear as $n.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String query,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long calls,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) double totalMs,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) double meanMs,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long rows,
      @Schema(description = "Share of block reads served from shared buffers (0..1).")
          Double cacheHitRatio) {}

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String database,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Statement> statements) {}

  static ToolSpec<Input, Output> spec(Databases databases) {
    return ToolSpec.builder("top_queries", Input.class, Output.class)
        .title("Find the most expensive queries")
        .description(
            "Lists the statements of this database that took the most total time, mean time or"
                + " calls, from the pg_stat_statements extension (which must be installed; the"
                + " error says how when it is not). Explain a statement from here to see why.")
        .idempotent()
        .handler((ctx, in) -> top(databases.get(in.database()), in))
        .render(TopQueries::render)
        .build();
  }

  static Output top(Database db, Input in) {
    return db.read(
        null,
        0,
        c -> {
          var installed =
              CatalogQueries.list(
                  c, "SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'", rs -> true);
          if (installed.isEmpty()) {
            throw new ToolException(
                ToolException.Kind.UNAVAILABLE,
                "pg_stat_statements is not installed in database '"
                    + db.name()
                    + "', so there are no query statistics. To enable it: add"
                    + " shared_preload_libraries = 'pg_stat_statements' to postgresql.conf,"
                    + " restart PostgreSQL, then run CREATE EXTENSION pg_stat_statements; in this"
                    + " database. Meanwhile, explain a query you suspect.");
          }
          String order =
              switch (in.orderBy()) {
                case total_time -> "total_exec_time";
                case mean_time -> "mean_exec_time";
                case calls -> "calls";
              };
          return new Output(
              db.name(),
              CatalogQueries.list(
                  c,
                  "SELECT left(s.query, 2000), s.calls, s.total_exec_time, s.mean_exec_time,"
                      + " s.rows, s.shared_blks_hit::float8"
                      + " / nullif(s.shared_blks_hit + s.shared_blks_read, 0) AS hit"
                      + " FROM pg_stat_statements s"
                      + " WHERE s.dbid = (SELECT oid FROM pg_database"
                      + " WHERE datname = current_database())"
                      + " ORDER BY s."
                      + order
                      + " DESC LIMIT ?",
                  rs ->
                      new Statement(
                          UntrustedText.strip(rs.getString(1)),
                          rs.getLong(2),
                          rs.getDouble(3),
                          rs.getDouble(4),
                          rs.getLong(5),
                          CatalogQueries.doubleOrNull(rs, "hit")),
                  in.limit()));
        });
  }

  private static String render(Output out) {
    var sb = new StringBuilder();
    for (Statement s : out.statements()) {
      sb.append(
          String.format(
              "%10.1f ms total, %8.2f ms mean, %7d calls: ", s.totalMs(), s.meanMs(), s.calls()));
      sb.append(s.query().replaceAll("\\s+", " ")).append('\n');
    }
    return UntrustedText.fence("database " + out.database(), sb.toString());
  }
}

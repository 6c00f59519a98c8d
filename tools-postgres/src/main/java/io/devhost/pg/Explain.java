package io.devhost.pg;

import io.devhost.core.Json;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.PreparedStatement;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Shows the plan PostgreSQL chooses for a statement, optionally with real timings. */
final class Explain {

  private Explain() {}

  record Input(
      @Schema(
              description = "One SQL statement to explain.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String sql,
      @Schema(description = "Values for $1, $2, ... in order.") List<Object> params,
      @Schema(
              description =
                  "Run the statement to get actual times, row counts and buffers (EXPLAIN"
                      + " ANALYZE). Only for reads: it runs in a read-only transaction.",
              defaultValue = "false")
          Boolean analyze,
      @Schema(description = "Database name; default: the first configured.") String database) {

    Input {
      params = params == null ? List.of() : params;
      analyze = analyze != null && analyze;
    }
  }

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String database,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean analyzed,
      @Schema(
              description = "The plan as EXPLAIN (FORMAT JSON) returns it.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          JsonNode plan) {}

  static ToolSpec<Input, Output> spec(Databases databases) {
    return ToolSpec.builder("explain", Input.class, Output.class)
        .title("Explain a query plan")
        .description(
            "Returns PostgreSQL's plan for one statement (EXPLAIN (FORMAT JSON)): node types,"
                + " estimated costs and rows, indexes used. With analyze=true the statement is run"
                + " (in a read-only transaction, rolled back) to add actual times, rows and buffer"
                + " use; writes cannot be analyzed. Use it to find why a query is slow.")
        .idempotent()
        .handler((ctx, in) -> run(databases.get(in.database()), ctx, in))
        .render(Explain::render)
        .build();
  }

  @SuppressWarnings("try") // the cancellation watch is only closed, never read
  static Output run(Database db, ToolContext ctx, Input in) {
    var checked = SqlGuard.checkRead(in.sql(), in.params().size());
    if (in.analyze() && SqlGuard.isWrite(checked)) {
      throw ToolException.denied(
          "analyze=true would run this "
              + checked.keyword().toUpperCase()
              + " statement; only reads can be analyzed. Call explain without analyze to see the"
              + " plan.");
    }
    String prefix =
        in.analyze() ? "EXPLAIN (FORMAT JSON, ANALYZE, BUFFERS) " : "EXPLAIN (FORMAT JSON) ";
    return StatementCanceller.reportingCancellation(
        ctx,
        () ->
            db.read(
                in.sql(),
                prefix.length(),
                c -> {
                  try (PreparedStatement statement =
                          c.prepareStatement(prefix + checked.jdbcSql());
                      var watch = db.cancelOnRequest(ctx, statement)) {
                    Parameters.bind(statement, checked, in.params());
                    try (var rs = statement.executeQuery()) {
                      rs.next();
                      JsonNode plan = Json.MAPPER.readTree(rs.getString(1));
                      return new Output(db.name(), in.analyze(), plan);
                    }
                  }
                }));
  }

  static String render(Output out) {
    var sb = new StringBuilder();
    JsonNode top = out.plan().path(0);
    node(top.path("Plan"), 0, sb);
    if (top.has("Planning Time")) {
      sb.append("Planning time: ").append(top.path("Planning Time").asDouble()).append(" ms\n");
    }
    if (top.has("Execution Time")) {
      sb.append("Execution time: ").append(top.path("Execution Time").asDouble()).append(" ms\n");
    }
    return UntrustedText.fence("database " + out.database(), sb.toString());
  }

  private static void node(JsonNode plan, int depth, StringBuilder sb) {
    sb.append("  ".repeat(depth)).append(depth == 0 ? "" : "-> ");
    sb.append(plan.path("Node Type").asString());
    if (plan.has("Relation Name")) {
      sb.append(" on ").append(plan.path("Relation Name").asString());
    }
    if (plan.has("Index Name")) {
      sb.append(" using ").append(plan.path("Index Name").asString());
    }
    sb.append(" (cost=")
        .append(plan.path("Startup Cost").asDouble())
        .append("..")
        .append(plan.path("Total Cost").asDouble())
        .append(" rows=")
        .append(plan.path("Plan Rows").asLong())
        .append(')');
    if (plan.has("Actual Total Time")) {
      sb.append(" (actual time=")
          .append(plan.path("Actual Total Time").asDouble())
          .append(" rows=")
          .append(plan.path("Actual Rows").asLong())
          .append(" loops=")
          .append(plan.path("Actual Loops").asLong())
          .append(')');
    }
    for (String key : List.of("Filter", "Index Cond", "Hash Cond", "Join Filter")) {
      if (plan.has(key)) {
        sb.append(" ").append(key).append(": ").append(plan.path(key).asString());
      }
    }
    sb.append('\n');
    for (JsonNode child : plan.path("Plans")) {
      node(child, depth + 1, sb);
    }
  }
}

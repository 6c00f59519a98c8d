package io.devhost.pg;

import io.devhost.core.CompletionSpec;
import io.devhost.core.PromptSpec;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/** Prompts a user reaches for when a database is slow or unfamiliar. */
final class Prompts {

  static final String SLOW_QUERY = "explain_slow_query";
  static final String REVIEW_SCHEMA = "review_schema";

  private Prompts() {}

  static List<PromptSpec> all(Databases databases) {
    return List.of(slowQuery(databases), reviewSchema(databases));
  }

  static List<CompletionSpec> completions(Databases databases) {
    return List.of(completion(SLOW_QUERY, databases), completion(REVIEW_SCHEMA, databases));
  }

  private static CompletionSpec completion(String prompt, Databases databases) {
    return new CompletionSpec(
        new McpSchema.PromptReference(prompt),
        (argument, prefix) ->
            TableResources.complete(databases, argument, prefix == null ? "" : prefix));
  }

  private static PromptSpec slowQuery(Databases databases) {
    var prompt =
        new McpSchema.Prompt(
            SLOW_QUERY,
            "Explain why a query is slow",
            "Finds out why a SQL query is slow and how to make it faster.",
            List.of(
                new McpSchema.PromptArgument("sql", "SQL", "The slow SQL query.", true),
                new McpSchema.PromptArgument(
                    "database",
                    "Database",
                    "Database name; default: " + databases.names().get(0),
                    false)),
            null,
            null);
    return new PromptSpec(
        prompt,
        args ->
            message(
                "Find out why this query is slow on database '"
                    + database(args, databases)
                    + "' and how to make it faster:\n\n```sql\n"
                    + arg(args, "sql")
                    + "\n```\n\n1. Call explain with analyze=true (it runs read-only) and read the"
                    + " plan: sequential scans on large tables, row estimates far from actual"
                    + " rows, sorts or hashes spilling to disk, nested loops over many rows.\n"
                    + "2. Call describe_table for each table in the plan to see its indexes and"
                    + " keys.\n3. Check health for unused or invalid indexes and dead-row bloat.\n"
                    + "4. Suggest concrete changes (an index with its CREATE INDEX statement, a"
                    + " rewrite, ANALYZE for stale statistics) and say what the plan should look"
                    + " like afterwards. Do not run writes; present them for review."));
  }

  private static PromptSpec reviewSchema(Databases databases) {
    var prompt =
        new McpSchema.Prompt(
            REVIEW_SCHEMA,
            "Review a database schema",
            "Reviews the tables of a schema for missing keys, indexes and constraints.",
            List.of(
                new McpSchema.PromptArgument(
                    "schema", "Schema", "Schema to review (default public).", false),
                new McpSchema.PromptArgument(
                    "database",
                    "Database",
                    "Database name; default: " + databases.names().get(0),
                    false)),
            null,
            null);
    return new PromptSpec(
        prompt,
        args ->
            message(
                "Review the schema '"
                    + (args == null || args.get("schema") == null ? "public" : arg(args, "schema"))
                    + "' of database '"
                    + database(args, databases)
                    + "'. Use list_tables, then describe_table for each table. Report: tables"
                    + " without a primary key, foreign keys without an index on the referencing"
                    + " columns, nullable columns that look required, missing CHECK constraints,"
                    + " and tables or columns without comments. Give each finding with the DDL"
                    + " that would fix it, for review; do not run it."));
  }

  private static String database(Map<String, Object> args, Databases databases) {
    Object db = args == null ? null : args.get("database");
    return db == null || db.toString().isBlank() ? databases.names().get(0) : db.toString();
  }

  private static String arg(Map<String, Object> args, String name) {
    Object value = args == null ? null : args.get(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException("The prompt needs the argument '" + name + "'.");
    }
    return value.toString();
  }

  private static McpSchema.GetPromptResult message(String text) {
    return new McpSchema.GetPromptResult(
        null,
        List.of(
            new McpSchema.PromptMessage(
                McpSchema.Role.USER, new McpSchema.TextContent(null, text, null))),
        null);
  }
}

package io.devhost.pg;

import io.devhost.core.CompletionSpec;
import io.devhost.core.Json;
import io.devhost.core.ResourceSpec;
import io.devhost.core.ResourceTemplateSpec;
import io.devhost.core.ToolException;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Table schemas as resources, {@code postgres://{db}/{schema}/{table}}, for every schema of every
 * configured database, with completions for each part of the URI; and one listing per database,
 * {@code postgres://{db}}, that links every table of every schema to its resource.
 */
final class TableResources {

  static final String TEMPLATE = "postgres://{db}/{schema}/{table}";
  private static final int MAX_COMPLETIONS = 100;

  private TableResources() {}

  static ResourceTemplateSpec template(Databases databases) {
    var template =
        new McpSchema.ResourceTemplate(
            TEMPLATE,
            "table-schema",
            "Table schema",
            "Columns, keys, indexes, constraints and comments of one table or view, as JSON"
                + " (the describe_table result). Databases: "
                + String.join(", ", databases.names())
                + ".",
            "application/json",
            null,
            null,
            null);
    return new ResourceTemplateSpec(template, uri -> read(databases, uri));
  }

  static List<ResourceSpec> listings(Databases databases) {
    return databases.names().stream()
        .map(
            name ->
                new ResourceSpec(
                    new McpSchema.Resource(
                        "postgres://" + name,
                        name + "-tables",
                        "Tables of " + name,
                        "Every table and view of database '"
                            + name
                            + "', in every schema, each with the URI of its schema resource.",
                        "application/json",
                        null,
                        null,
                        null,
                        null),
                    uri -> listing(databases.get(name), uri)))
        .toList();
  }

  private static McpSchema.ReadResourceResult listing(Database db, String uri) {
    var entries = new ArrayList<Map<String, Object>>();
    for (ListTables.Table t : ListTables.list(db, null).tables()) {
      var entry = new LinkedHashMap<String, Object>();
      entry.put(
          "uri", "postgres://" + db.name() + "/" + encode(t.schema()) + "/" + encode(t.name()));
      entry.put("schema", t.schema());
      entry.put("name", t.name());
      entry.put("kind", t.kind());
      entry.put("estimatedRows", t.estimatedRows());
      entry.put("comment", t.comment());
      entries.add(entry);
    }
    String json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(entries);
    return new McpSchema.ReadResourceResult(
        List.of(new McpSchema.TextResourceContents(uri, "application/json", json, null)), null);
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static McpSchema.ReadResourceResult read(Databases databases, String uri) {
    String prefix = "postgres://";
    String[] parts = uri.startsWith(prefix) ? uri.substring(prefix.length()).split("/", -1) : null;
    if (parts == null || parts.length != 3) {
      throw ToolException.invalid(
          "Resource URI must look like postgres://DB/SCHEMA/TABLE, got " + uri);
    }
    var table =
        DescribeTable.describe(databases.get(decode(parts[0])), decode(parts[1]), decode(parts[2]));
    String json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(table);
    return new McpSchema.ReadResourceResult(
        List.of(new McpSchema.TextResourceContents(uri, "application/json", json, null)), null);
  }

  /**
   * Completes db from the configuration; schema and table from the default database, since a
   * completion request does not carry the other arguments already chosen.
   */
  static CompletionSpec completions(Databases databases) {
    return new CompletionSpec(
        new McpSchema.ResourceReference(TEMPLATE),
        (argument, prefix) -> complete(databases, argument, prefix == null ? "" : prefix));
  }

  static List<String> complete(Databases databases, String argument, String prefix) {
    try {
      Stream<String> candidates =
          switch (argument) {
            case "db", "database" -> databases.names().stream();
            case "schema" ->
                ListSchemas.list(databases.get(null)).schemas().stream()
                    .map(ListSchemas.SchemaInfo::name);
            case "table" ->
                ListTables.list(databases.get(null), null).tables().stream()
                    .map(ListTables.Table::name)
                    .distinct();
            default -> Stream.empty();
          };
      return candidates.filter(c -> c.startsWith(prefix)).limit(MAX_COMPLETIONS).toList();
    } catch (ToolException e) {
      // A database that is down offers no suggestions; completion is best effort.
      return List.of();
    }
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }
}

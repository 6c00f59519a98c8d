package io.devhost.server.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Arguments for a tool's example call: its required arguments only, each with a value taken from
 * the schema (default, first enum value, minimum, an "e.g. '…'" in the description) or else a
 * {@code <name>} placeholder to replace.
 */
final class ExampleArguments {

  private static final Pattern EXAMPLE_IN_TEXT = Pattern.compile("e\\.g\\. '([^']+)'");

  /** Values for argument names that mean the same in every tool: paths and revisions. */
  private static final Map<String, String> BY_NAME = Map.of("path", "README.md", "ref", "main");

  private ExampleArguments() {}

  static Map<String, Object> of(Map<String, Object> inputSchema) {
    var args = new LinkedHashMap<String, Object>();
    Map<String, Object> properties = SchemaFields.map(inputSchema.get("properties"));
    for (Object name : SchemaFields.list(inputSchema.get("required"))) {
      args.put(
          String.valueOf(name),
          value(String.valueOf(name), SchemaFields.map(properties.get(name))));
    }
    return args;
  }

  private static String singular(String name) {
    return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
  }

  private static Object value(String name, Map<String, Object> schema) {
    if (schema.containsKey("default")) {
      return schema.get("default");
    }
    if (schema.containsKey("enum")) {
      return SchemaFields.list(schema.get("enum")).get(0);
    }
    String description = String.valueOf(schema.getOrDefault("description", ""));
    return switch (String.valueOf(schema.get("type"))) {
      case "integer", "number" -> schema.getOrDefault("minimum", 1);
      case "boolean" -> true;
      case "array" -> List.of(value(singular(name), SchemaFields.map(schema.get("items"))));
      default -> {
        var example = EXAMPLE_IN_TEXT.matcher(description);
        if (example.find()) {
          yield example.group(1);
        }
        if (description.contains("owner/name")) {
          yield "octocat/hello-world";
        }
        yield BY_NAME.getOrDefault(name, "<" + name + ">");
      }
    };
  }
}

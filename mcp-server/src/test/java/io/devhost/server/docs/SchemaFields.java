package io.devhost.server.docs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields of a tool's JSON Schema as table rows: nested objects and array items are flattened to
 * dotted names ({@code commits[].sha}), {@code $ref}s into {@code $defs} are followed once.
 */
final class SchemaFields {

  /** One documented field. */
  record Field(String name, String type, boolean required, String defaultValue, String text) {}

  private final Map<String, Object> root;
  private final List<Field> fields = new ArrayList<>();

  private SchemaFields(Map<String, Object> root) {
    this.root = root;
  }

  static List<Field> of(Map<String, Object> schema) {
    var collector = new SchemaFields(schema);
    collector.object("", schema, new HashSet<>());
    return collector.fields;
  }

  private void object(String prefix, Map<String, Object> schema, Set<String> seen) {
    Map<String, Object> properties = map(schema.get("properties"));
    List<Object> required = list(schema.get("required"));
    for (var entry : properties.entrySet()) {
      String name = prefix + entry.getKey();
      Map<String, Object> property = map(entry.getValue());
      Map<String, Object> resolved = resolve(property);
      fields.add(
          new Field(
              name,
              type(property),
              required.contains(entry.getKey()),
              resolved.containsKey("default") ? String.valueOf(resolved.get("default")) : "",
              String.valueOf(
                  property.getOrDefault("description", resolved.getOrDefault("description", "")))));
      expand(name, property, seen);
    }
  }

  private void expand(String name, Map<String, Object> property, Set<String> seen) {
    Object ref = property.get("$ref");
    if (ref != null && !seen.add(String.valueOf(ref))) {
      return;
    }
    Map<String, Object> resolved = resolve(property);
    if (resolved.containsKey("properties")) {
      object(name + ".", resolved, seen);
    } else if ("array".equals(resolved.get("type")) && resolved.get("items") != null) {
      Map<String, Object> items = map(resolved.get("items"));
      Object itemRef = items.get("$ref");
      if (itemRef != null && !seen.add(String.valueOf(itemRef))) {
        return;
      }
      Map<String, Object> item = resolve(items);
      if (item.containsKey("properties")) {
        object(name + "[].", item, seen);
      }
    }
  }

  /** A short type: {@code integer ≥ 1}, {@code array of string}, {@code one of a, b}. */
  String type(Map<String, Object> property) {
    Map<String, Object> schema = resolve(property);
    if (schema.containsKey("enum")) {
      return "one of "
          + list(schema.get("enum")).stream()
              .map(v -> "`" + v + "`")
              .collect(Collectors.joining(", "));
    }
    Object type = schema.get("type");
    String text = type instanceof List<?> types ? joinTypes(types) : String.valueOf(type);
    if ("array".equals(type) && schema.get("items") != null) {
      text = "array of " + type(map(schema.get("items")));
    }
    if (schema.get("minimum") != null && schema.get("maximum") != null) {
      text += " " + schema.get("minimum") + "–" + schema.get("maximum");
    } else if (schema.get("minimum") != null) {
      text += " ≥ " + schema.get("minimum");
    } else if (schema.get("maximum") != null) {
      text += " ≤ " + schema.get("maximum");
    }
    return text;
  }

  private static String joinTypes(List<?> types) {
    return types.stream()
        .map(String::valueOf)
        .filter(t -> !t.equals("null"))
        .collect(Collectors.joining(" or "));
  }

  private Map<String, Object> resolve(Map<String, Object> schema) {
    Object ref = schema.get("$ref");
    if (!(ref instanceof String pointer) || !pointer.startsWith("#/$defs/")) {
      return schema;
    }
    return map(map(root.get("$defs")).get(pointer.substring("#/$defs/".length())));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value instanceof List<?> l ? (List<Object>) l : List.of();
  }
}

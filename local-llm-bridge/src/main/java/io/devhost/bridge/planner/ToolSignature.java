package io.devhost.bridge.planner;

import io.devhost.bridge.host.HostTool;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One tool as one catalog line: {@code name(path, tail?: integer, mode?: "a"|"b"=a) [read-only] The
 * description's whole first sentence.} Names, types, required marks (no {@code ?}), enums and
 * defaults stay; per-argument descriptions and limits go, because the grammar (or {@code format},
 * {@code response_format}) already holds the model to the schema and the full schema is sent with
 * the retry message after a validation error. A catalog of DevHost's default tools is about a third
 * of its full-schema size this way (docs/benchmarks-bridge.md).
 */
final class ToolSignature {

  /** A sentence ends at . ! or ? before a blank or the end, except after e.g., i.e., etc., vs. */
  private static final Pattern SENTENCE_END =
      Pattern.compile("(?<!\\be\\.g|\\bi\\.e|\\betc|\\bvs)[.!?](?=\\s|$)");

  private ToolSignature() {}

  static String line(HostTool tool) {
    String hint =
        tool.readOnly() ? "read-only" : tool.destructive() ? "writes, destructive" : "writes";
    return "- "
        + tool.name()
        + "("
        + parameters(tool.tool().inputSchema())
        + ") ["
        + hint
        + "] "
        + firstSentence(tool.tool().description());
  }

  static String firstSentence(String description) {
    if (description == null) {
      return "";
    }
    String flat = description.strip().replaceAll("\\s+", " ");
    Matcher m = SENTENCE_END.matcher(flat);
    return m.find() ? flat.substring(0, m.end()) : flat;
  }

  private static String parameters(Map<String, Object> schema) {
    if (schema == null || !(schema.get("properties") instanceof Map<?, ?> properties)) {
      return "";
    }
    List<?> required = schema.get("required") instanceof List<?> r ? r : List.of();
    return properties.entrySet().stream()
        .map(
            e ->
                e.getKey()
                    + (required.contains(e.getKey()) ? "" : "?")
                    + typeMark(type(e.getValue()))
                    + defaultValue(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  /** Strings, the most common type, go unmarked: the preamble says so. */
  private static String typeMark(String type) {
    return type.equals("string") ? "" : ": " + type;
  }

  private static String type(Object property) {
    if (!(property instanceof Map<?, ?> p)) {
      return "any";
    }
    if (p.get("enum") instanceof List<?> values) {
      return values.stream()
          .map(v -> v instanceof String s ? "\"" + s + "\"" : String.valueOf(v))
          .collect(Collectors.joining("|"));
    }
    if (p.get("const") != null) {
      return String.valueOf(p.get("const"));
    }
    Object t = p.get("type");
    if ("array".equals(t)) {
      return type(p.get("items")) + "[]";
    }
    if (t instanceof List<?> types) {
      return types.stream().map(String::valueOf).collect(Collectors.joining("|"));
    }
    for (String combinator : List.of("anyOf", "oneOf")) {
      if (p.get(combinator) instanceof List<?> options) {
        return options.stream()
            .map(ToolSignature::type)
            .distinct()
            .collect(Collectors.joining("|"));
      }
    }
    return t == null ? "any" : String.valueOf(t);
  }

  private static String defaultValue(Object property) {
    return property instanceof Map<?, ?> p && p.containsKey("default") && p.get("default") != null
        ? "=" + p.get("default")
        : "";
  }
}

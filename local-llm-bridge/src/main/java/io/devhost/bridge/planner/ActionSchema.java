package io.devhost.bridge.planner;

import io.devhost.bridge.host.HostTool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema of one action, built from the live tool schemas: {@code anyOf} a call of each
 * tool with arguments matching its {@code inputSchema}, or {@code {"answer": "..."}}. Backends turn
 * it into a grammar (llama.cpp), {@code format} (Ollama) or {@code response_format} (OpenAI), so a
 * constrained model can only emit a well-formed call of a tool that exists.
 */
public final class ActionSchema {

  private ActionSchema() {}

  /**
   * @param maxStringChars a length given to every string without one, so a constrained string
   *     cannot outgrow the action's token budget and be cut mid-object
   */
  public static Map<String, Object> of(List<HostTool> tools, int maxStringChars) {
    var defs = new LinkedHashMap<String, Object>();
    var choices = new ArrayList<Object>();
    for (HostTool tool : tools) {
      Map<String, Object> input =
          hoistDefs(tool.name(), tool.tool().inputSchema(), defs, maxStringChars);
      choices.add(
          Map.of(
              "type",
              "object",
              "properties",
              Map.of("tool", Map.of("const", tool.name()), "arguments", input),
              "required",
              List.of("tool", "arguments"),
              "additionalProperties",
              false));
    }
    choices.add(
        Map.of(
            "type",
            "object",
            "properties",
            Map.of("answer", Map.of("type", "string")),
            "required",
            List.of("answer"),
            "additionalProperties",
            false));
    var schema = new LinkedHashMap<String, Object>();
    schema.put("anyOf", choices);
    if (!defs.isEmpty()) {
      schema.put("$defs", defs);
    }
    return schema;
  }

  /**
   * A tool schema's {@code $defs} refer to its own root; once nested in the action schema they must
   * live at the action's root, renamed per tool so two tools' definitions cannot collide.
   */
  private static Map<String, Object> hoistDefs(
      String tool, Map<String, Object> input, Map<String, Object> rootDefs, int maxChars) {
    if (input == null) {
      return Map.of("type", "object");
    }
    var copy = new LinkedHashMap<String, Object>(input);
    copy.remove("$schema");
    copy.remove("$id");
    String prefix = tool.replaceAll("[^A-Za-z0-9_]", "_") + "__";
    for (String key : List.of("$defs", "definitions")) {
      if (copy.remove(key) instanceof Map<?, ?> defs) {
        defs.forEach((name, def) -> rootDefs.put(prefix + name, rewrite(def, prefix, maxChars)));
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> rewritten = (Map<String, Object>) rewrite(copy, prefix, maxChars);
    return rewritten;
  }

  private static Object rewrite(Object node, String prefix, int maxChars) {
    if (node instanceof Map<?, ?> map) {
      var out = new LinkedHashMap<String, Object>();
      if ("string".equals(map.get("type"))
          && !map.containsKey("maxLength")
          && !map.containsKey("enum")
          && !map.containsKey("const")) {
        out.put("maxLength", maxChars);
      }
      map.forEach(
          (k, v) -> {
            if ("$ref".equals(k) && v instanceof String ref) {
              out.put("$ref", ref.replaceFirst("^#/(\\$defs|definitions)/", "#/\\$defs/" + prefix));
            } else {
              out.put(String.valueOf(k), rewrite(v, prefix, maxChars));
            }
          });
      return out;
    }
    if (node instanceof List<?> list) {
      return list.stream().map(v -> rewrite(v, prefix, maxChars)).toList();
    }
    return node;
  }
}

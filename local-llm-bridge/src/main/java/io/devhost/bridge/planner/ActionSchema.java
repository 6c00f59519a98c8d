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

  public static Map<String, Object> of(List<HostTool> tools) {
    var defs = new LinkedHashMap<String, Object>();
    var choices = new ArrayList<Object>();
    for (HostTool tool : tools) {
      Map<String, Object> input = hoistDefs(tool.name(), tool.tool().inputSchema(), defs);
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
      String tool, Map<String, Object> input, Map<String, Object> rootDefs) {
    if (input == null) {
      return Map.of("type", "object");
    }
    var copy = new LinkedHashMap<String, Object>(input);
    copy.remove("$schema");
    copy.remove("$id");
    String prefix = tool.replaceAll("[^A-Za-z0-9_]", "_") + "__";
    for (String key : List.of("$defs", "definitions")) {
      if (copy.remove(key) instanceof Map<?, ?> defs) {
        defs.forEach((name, def) -> rootDefs.put(prefix + name, rewriteRefs(def, key, prefix)));
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> rewritten = (Map<String, Object>) rewriteRefs(copy, null, prefix);
    return rewritten;
  }

  private static Object rewriteRefs(Object node, String defsKey, String prefix) {
    if (node instanceof Map<?, ?> map) {
      var out = new LinkedHashMap<String, Object>();
      map.forEach(
          (k, v) -> {
            if ("$ref".equals(k) && v instanceof String ref) {
              out.put("$ref", ref.replaceFirst("^#/(\\$defs|definitions)/", "#/\\$defs/" + prefix));
            } else {
              out.put(String.valueOf(k), rewriteRefs(v, defsKey, prefix));
            }
          });
      return out;
    }
    if (node instanceof List<?> list) {
      return list.stream().map(v -> rewriteRefs(v, defsKey, prefix)).toList();
    }
    return node;
  }
}

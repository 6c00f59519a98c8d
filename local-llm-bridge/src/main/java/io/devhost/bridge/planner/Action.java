package io.devhost.bridge.planner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/** What the model decided to do in one step: call a tool, or give the final answer. */
public sealed interface Action {

  JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The action as one compact JSON object. This, and never the raw reply, is the assistant turn
   * kept in the conversation, so earlier reasoning is never fed back to the model.
   */
  String toJson();

  /** A call of one tool. */
  record ToolCall(String tool, Map<String, Object> arguments) implements Action {
    public ToolCall {
      arguments =
          arguments == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    @Override
    public String toJson() {
      var object = new LinkedHashMap<String, Object>();
      object.put("tool", tool);
      object.put("arguments", arguments);
      return JSON.writeValueAsString(object);
    }

    /** Same tool and same arguments, whatever the key order: what a repeated call looks like. */
    String identity() {
      return tool + " " + JSON.writeValueAsString(sorted(arguments));
    }

    private static Object sorted(Object value) {
      if (value instanceof Map<?, ?> map) {
        var out = new TreeMap<String, Object>();
        map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
        return out;
      }
      if (value instanceof java.util.List<?> list) {
        return list.stream().map(ToolCall::sorted).toList();
      }
      return value;
    }
  }

  /** The final answer for the user. */
  record Answer(String text) implements Action {
    @Override
    public String toJson() {
      return JSON.writeValueAsString(Map.of("answer", text));
    }
  }
}

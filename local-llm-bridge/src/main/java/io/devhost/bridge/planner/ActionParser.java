package io.devhost.bridge.planner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an action out of a model reply, constrained or not. Tolerates what R1 distills do when
 * nothing constrains them: code fences, prose around the JSON, two objects (the first is the
 * action; later ones are imagined continuations), a reasoning that never closed (the action is then
 * the last object inside it), the common aliases ({@code name}/{@code parameters}, OpenAI's {@code
 * function} with string arguments) and sloppy JSON (trailing commas, single quotes).
 */
public final class ActionParser {

  private static final JsonMapper LENIENT =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES)
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .build();

  private static final List<String> TOOL_KEYS = List.of("tool", "name", "tool_name", "function");
  private static final List<String> ARG_KEYS =
      List.of("arguments", "args", "parameters", "params", "input");
  private static final List<String> ANSWER_KEYS =
      List.of("answer", "final_answer", "final", "response");

  /** The outcome: an action, or an error message the model can act on. */
  public sealed interface Parsed {}

  public record Found(Action action) implements Parsed {}

  public record Unreadable(String message) implements Parsed {}

  private ActionParser() {}

  /**
   * @param toolNames the tools on offer, to tell a prose answer from a call described in words
   */
  public static Parsed parse(
      String reasoning, String content, boolean reasoningClosed, Collection<String> toolNames) {
    boolean fromThought = content.isBlank() && !reasoningClosed;
    if (!fromThought) {
      // A constrained reply is one object from its first character; read it whole, since its
      // strings may hold anything, tags and braces included.
      String direct = stripFences(content).strip();
      if (direct.startsWith("{")) {
        for (String object : JsonObjects.scan(direct)) {
          Action action = toAction(object);
          if (action != null) {
            return new Found(action);
          }
        }
      }
    }
    String text = fromThought ? reasoning : content;
    int close = text.lastIndexOf("</think>");
    if (close >= 0) {
      text = text.substring(close + "</think>".length());
      fromThought = false;
    }
    text = text.replace("<think>", "");
    List<String> objects = JsonObjects.scan(text);
    var actions = new ArrayList<Action>();
    String unusable = null;
    for (String object : objects) {
      Action action = toAction(object);
      if (action != null) {
        actions.add(action);
      } else if (unusable == null) {
        unusable = object;
      }
    }
    if (!actions.isEmpty()) {
      return new Found(fromThought ? actions.get(actions.size() - 1) : actions.get(0));
    }
    if (unusable != null) {
      return new Unreadable(
          "the JSON object "
              + abbreviate(unusable)
              + " is not an action: it needs \"tool\" and \"arguments\", or \"answer\"");
    }
    String prose = stripFences(text).strip();
    if (prose.isEmpty()) {
      return new Unreadable(
          fromThought
              ? "the reasoning never ended and no action followed it"
              : "the reply had no action after the reasoning");
    }
    if (fromThought) {
      return new Unreadable("the reasoning never ended with </think> and no action followed it");
    }
    for (String name : toolNames) {
      if (prose.contains(name)) {
        return new Unreadable(
            "the reply describes a call of "
                + name
                + " in words; write it as the JSON object {\"tool\": \""
                + name
                + "\", \"arguments\": {...}}");
      }
    }
    // R1 often answers in plain prose once it is done; that is its final answer.
    return new Found(new Action.Answer(prose));
  }

  private static Action toAction(String object) {
    JsonNode node;
    try {
      node = LENIENT.readTree(object);
    } catch (JacksonException e) {
      return null;
    }
    if (!node.isObject()) {
      return null;
    }
    for (String wrapper : List.of("tool_call", "action", "function_call")) {
      if (node.path(wrapper).isObject()) {
        node = node.get(wrapper);
      }
    }
    if (node.path("function").isObject()) { // OpenAI style: {"function": {"name", "arguments"}}
      node = node.get("function");
    }
    String tool = firstString(node, TOOL_KEYS);
    if (tool != null) {
      return new Action.ToolCall(tool, arguments(node));
    }
    for (String key : ANSWER_KEYS) {
      JsonNode answer = node.get(key);
      if (answer != null && !answer.isNull()) {
        return new Action.Answer(answer.isString() ? answer.asString() : answer.toString());
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> arguments(JsonNode node) {
    for (String key : ARG_KEYS) {
      JsonNode args = node.get(key);
      if (args == null || args.isNull()) {
        continue;
      }
      if (args.isString()) { // OpenAI sends arguments as a JSON string
        try {
          args = LENIENT.readTree(args.asString());
        } catch (JacksonException e) {
          return Map.of(key, args.asString());
        }
      }
      if (args.isObject()) {
        return LENIENT.convertValue(args, Map.class);
      }
    }
    return Map.of();
  }

  private static String firstString(JsonNode node, List<String> keys) {
    for (String key : keys) {
      JsonNode value = node.get(key);
      if (value != null && value.isString() && !value.asString().isBlank()) {
        return value.asString().strip();
      }
    }
    return null;
  }

  private static String stripFences(String text) {
    return text.replaceAll("(?m)^\\s*```[a-zA-Z]*\\s*$", "");
  }

  static String abbreviate(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() <= 160 ? flat : flat.substring(0, 157) + "...";
  }
}

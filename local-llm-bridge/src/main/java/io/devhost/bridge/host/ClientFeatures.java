package io.devhost.bridge.host;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What the bridge offers servers as an MCP client: its working directory as the one root,
 * elicitation answered at the terminal, and (when set) sampling answered by the local model.
 *
 * @param sampling answers {@code sampling/createMessage} for the named server; null leaves the
 *     capability out
 */
public record ClientFeatures(
    Path root,
    UserConsole console,
    BiFunction<String, McpSchema.CreateMessageRequest, McpSchema.CreateMessageResult> sampling) {

  McpSchema.Root mcpRoot() {
    Path dir = root.toAbsolutePath().normalize();
    return new McpSchema.Root(
        dir.toUri().toString(), dir.getFileName() == null ? "/" : dir.getFileName().toString());
  }

  /**
   * Asks the user for each field of the requested (flat) schema. Declines when nobody is at the
   * terminal, and cancels when the input ends. An empty line takes the field's default (SEP-1034)
   * or leaves the field out; a value that is not of the field's type is asked for again.
   */
  McpSchema.ElicitResult elicit(String server, McpSchema.ElicitFormRequest request) {
    if (!console.interactive()) {
      return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null);
    }
    String go = console.ask("[" + server + "] " + request.message() + " Answer? [y/N] ");
    if (go == null || !go.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
      return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null);
    }
    var content = new LinkedHashMap<String, Object>();
    Object props =
        request.requestedSchema() == null ? null : request.requestedSchema().get("properties");
    if (props instanceof Map<?, ?> properties) {
      for (var e : properties.entrySet()) {
        String field = String.valueOf(e.getKey());
        Map<?, ?> p = e.getValue() instanceof Map<?, ?> m ? m : Map.of();
        Object answer = field(field, p);
        if (answer == CANCELLED) {
          return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.CANCEL, null);
        }
        if (answer != null) {
          content.put(field, answer);
        }
      }
    }
    return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, content);
  }

  private static final Object CANCELLED = new Object();

  /** One field's value: typed, its default for an empty line, null to leave it out. */
  private Object field(String field, Map<?, ?> property) {
    String type = property.get("type") == null ? "string" : String.valueOf(property.get("type"));
    Object fallback = property.get("default");
    String hint = type + (fallback == null ? "" : ", default " + fallback);
    while (true) {
      String line = console.ask("  " + field + " (" + hint + "): ");
      if (line == null) {
        return CANCELLED;
      }
      if (line.isBlank()) {
        return fallback;
      }
      try {
        return typed(line.strip(), type);
      } catch (NumberFormatException e) {
        console.ask("  '" + line.strip() + "' is not " + type + "; press Enter to try again ");
      }
    }
  }

  private static Object typed(String value, String type) {
    return switch (type) {
      case "boolean" ->
          value.equalsIgnoreCase("true")
              || value.equalsIgnoreCase("y")
              || value.equalsIgnoreCase("yes");
      case "integer" -> Long.parseLong(value);
      case "number" -> Double.parseDouble(value);
      default -> value;
    };
  }
}

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
   * terminal, and cancels when the user types nothing for the first field.
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
        String type =
            e.getValue() instanceof Map<?, ?> p ? String.valueOf(p.get("type")) : "string";
        String line = console.ask("  " + field + " (" + type + "): ");
        if (line == null) {
          return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.CANCEL, null);
        }
        content.put(field, typed(line.strip(), type));
      }
    }
    return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, content);
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

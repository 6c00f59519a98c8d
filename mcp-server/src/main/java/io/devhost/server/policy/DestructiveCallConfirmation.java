package io.devhost.server.policy;

import io.devhost.core.ToolSpec;
import io.devhost.core.audit.ArgumentRedactor;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Asks the user, through the client's elicitation form, whether a destructive call may run. The
 * form shows the tool and its key arguments (redacted like the audit log, and shortened) and a
 * single checkbox that must be ticked: accepting without ticking it counts as a refusal.
 */
public final class DestructiveCallConfirmation {

  /** What the user (or the client) answered. */
  public enum Answer {
    CONFIRMED,
    DECLINED,
    /** The client has no elicitation capability, so nobody could be asked. */
    CANNOT_ASK
  }

  private static final int MAX_SHOWN_CHARS = 120;
  private static final String FIELD = "confirm";

  private DestructiveCallConfirmation() {}

  /** True when the client declared the elicitation capability. */
  public static boolean canAsk(McpSyncServerExchange exchange) {
    var caps = exchange.getClientCapabilities();
    return caps != null && caps.elicitation() != null;
  }

  public static Answer ask(
      McpSyncServerExchange exchange, ToolSpec<?, ?> tool, Map<String, Object> arguments) {
    if (!canAsk(exchange)) {
      return Answer.CANNOT_ASK;
    }
    var request =
        McpSchema.ElicitRequest.builder()
            .message(message(tool, arguments))
            .requestedSchema(
                Map.of(
                    "type", "object",
                    "properties",
                        Map.of(
                            FIELD,
                            Map.of(
                                "type", "boolean",
                                "title", "Run " + tool.name(),
                                "description", "Tick to let this call change or delete data.")),
                    "required", List.of(FIELD)))
            .build();
    var result = exchange.createElicitation(request);
    boolean accepted =
        result.action() == McpSchema.ElicitResult.Action.ACCEPT
            && result.content() != null
            && Boolean.TRUE.equals(result.content().get(FIELD));
    return accepted ? Answer.CONFIRMED : Answer.DECLINED;
  }

  static String message(ToolSpec<?, ?> tool, Map<String, Object> arguments) {
    String shown =
        ArgumentRedactor.redact(arguments).entrySet().stream()
            .map(e -> e.getKey() + " = " + shorten(String.valueOf(e.getValue())))
            .collect(Collectors.joining("\n"));
    String title = tool.title() == null ? "" : " (" + tool.title() + ")";
    return "DevHost: the assistant wants to run "
        + tool.name()
        + title
        + ", which may overwrite or delete data."
        + (shown.isEmpty() ? "" : "\n" + shown);
  }

  private static String shorten(String value) {
    return value.length() <= MAX_SHOWN_CHARS
        ? value
        : value.substring(0, MAX_SHOWN_CHARS) + "… (" + value.length() + " chars)";
  }
}

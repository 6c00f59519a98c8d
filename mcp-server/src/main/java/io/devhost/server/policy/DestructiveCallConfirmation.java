package io.devhost.server.policy;

import io.devhost.core.ToolSpec;
import io.devhost.server.policy.Confirmer.Answer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/**
 * Asks the user of a legacy (2024-11-05 … 2025-11-25) session, through the client's elicitation
 * form, whether a destructive call may run, and waits for the answer on the session.
 */
public final class DestructiveCallConfirmation {

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
            .message(ConfirmationForm.message(tool, arguments))
            .requestedSchema(ConfirmationForm.schema(tool))
            .build();
    var result = exchange.createElicitation(request);
    return ConfirmationForm.answer(result.action().name(), result.content());
  }
}

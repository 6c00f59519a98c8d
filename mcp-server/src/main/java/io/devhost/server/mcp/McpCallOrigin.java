package io.devhost.server.mcp;

import io.devhost.core.ToolSpec;
import io.devhost.server.auth.Caller;
import io.devhost.server.policy.DestructiveCallConfirmation;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import java.util.Map;

/** An MCP session as a {@link CallOrigin}: its id, its client, its caller, its elicitation. */
record McpCallOrigin(String transport, McpSyncServerExchange exchange) implements CallOrigin {

  @Override
  public String session() {
    return exchange.sessionId() == null ? transport : exchange.sessionId();
  }

  @Override
  public String clientName() {
    var client = exchange.getClientInfo();
    return client == null ? null : client.name();
  }

  @Override
  public String clientVersion() {
    var client = exchange.getClientInfo();
    return client == null ? null : client.version();
  }

  @Override
  public Caller caller() {
    return Caller.of(exchange.transportContext());
  }

  @Override
  public boolean canConfirm() {
    return DestructiveCallConfirmation.canAsk(exchange);
  }

  @Override
  public Answer confirm(ToolSpec<?, ?> tool, Map<String, Object> arguments) {
    return DestructiveCallConfirmation.ask(exchange, tool, arguments);
  }

  @Override
  public String withoutConfirmation() {
    return "this client cannot ask (it does not support elicitation). Use a client that does, or"
        + " ask the operator to start DevHost with --confirm auto, which leaves the asking to the"
        + " client's own approval prompt.";
  }
}

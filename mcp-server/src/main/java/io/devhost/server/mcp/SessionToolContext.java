package io.devhost.server.mcp;

import io.devhost.core.ToolContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@link ToolContext} of a call that came over MCP. */
final class SessionToolContext implements ToolContext {

  private final McpSyncServerExchange exchange;
  private final Object progressToken;
  private final AtomicBoolean cancelled;
  private final ProgressThrottle throttle = new ProgressThrottle();

  SessionToolContext(
      McpSyncServerExchange exchange, Object progressToken, AtomicBoolean cancelled) {
    this.exchange = exchange;
    this.progressToken = progressToken;
    this.cancelled = cancelled;
  }

  @Override
  public void progress(double done, Double total, String message) {
    if (progressToken == null || !throttle.allows(done, total)) {
      return;
    }
    exchange.progressNotification(
        new McpSchema.ProgressNotification(progressToken, done, total, message, null));
  }

  @Override
  public boolean isCancelled() {
    return cancelled.get();
  }

  @Override
  public Optional<List<URI>> clientRoots() {
    var caps = exchange.getClientCapabilities();
    if (caps == null || caps.roots() == null) {
      return Optional.empty();
    }
    return Optional.of(
        exchange.listRoots().roots().stream().map(root -> URI.create(root.uri())).toList());
  }
}

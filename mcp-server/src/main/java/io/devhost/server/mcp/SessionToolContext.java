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

  /** Progress is sent at most this often; a tool may report per item. */
  private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

  private final McpSyncServerExchange exchange;
  private final Object progressToken;
  private final AtomicBoolean cancelled;
  private long lastProgressNanos;

  SessionToolContext(
      McpSyncServerExchange exchange, Object progressToken, AtomicBoolean cancelled) {
    this.exchange = exchange;
    this.progressToken = progressToken;
    this.cancelled = cancelled;
  }

  @Override
  public void progress(double done, Double total, String message) {
    if (progressToken == null) {
      return;
    }
    long now = System.nanoTime();
    boolean last = total != null && done >= total;
    if (!last && lastProgressNanos != 0 && now - lastProgressNanos < PROGRESS_INTERVAL_NANOS) {
      return;
    }
    lastProgressNanos = now;
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

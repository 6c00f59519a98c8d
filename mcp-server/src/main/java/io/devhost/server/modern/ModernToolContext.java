package io.devhost.server.modern;

import io.devhost.core.ToolContext;
import io.modelcontextprotocol.modern.server.McpSyncNotifier;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link ToolContext} of a 2026-07-28 call. Progress goes out on the request's own response
 * stream, when the client asked for it with a {@code progressToken}. Its roots are those an earlier
 * round of the call brought ({@code roots/list} in an {@code InputRequiredResult}).
 */
final class ModernToolContext implements ToolContext {

  /** Progress is sent at most this often; a tool may report per item. */
  private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

  private final McpSyncNotifier notifier;
  private final AtomicBoolean cancelled;
  private final List<URI> roots;
  private long lastProgressNanos;

  /**
   * @param notifier the request's response stream, or null when the client asked for no progress
   * @param roots the client's roots, or null when the client declares none
   */
  ModernToolContext(McpSyncNotifier notifier, AtomicBoolean cancelled, List<URI> roots) {
    this.notifier = notifier;
    this.cancelled = cancelled;
    this.roots = roots;
  }

  @Override
  public void progress(double done, Double total, String message) {
    if (notifier == null) {
      return;
    }
    long now = System.nanoTime();
    boolean last = total != null && done >= total;
    if (!last && lastProgressNanos != 0 && now - lastProgressNanos < PROGRESS_INTERVAL_NANOS) {
      return;
    }
    lastProgressNanos = now;
    notifier.progress(done, total, message);
  }

  @Override
  public boolean isCancelled() {
    return cancelled.get();
  }

  @Override
  public Optional<List<URI>> clientRoots() {
    return Optional.ofNullable(roots);
  }
}

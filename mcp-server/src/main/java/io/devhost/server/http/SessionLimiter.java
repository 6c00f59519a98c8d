package io.devhost.server.http;

import io.devhost.server.metrics.ToolMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open MCP sessions over HTTP against the cap. Streamable HTTP sessions are known by the
 * {@code Mcp-Session-Id} the SDK hands out and forgotten on DELETE, on a 404 for their id, or after
 * the idle timeout (when the SDK's sweeper closes them too). Legacy SSE sessions live exactly as
 * long as their {@code GET /sse} stream. A Streamable HTTP session belongs to the caller that
 * opened it (the token's subject), so another caller cannot use its id.
 */
final class SessionLimiter {

  private final int max;
  private final long idleNanos;
  private final ToolMetrics metrics;
  private final Map<String, Open> streamable = new ConcurrentHashMap<>();

  /** An open session: who opened it ("" when nobody is authenticated) and when it was last used. */
  private record Open(String owner, long lastUsedNanos) {}

  private final AtomicInteger sseStreams = new AtomicInteger();

  /** Who opened each legacy SSE stream, by the session id its endpoint event named. */
  private final Map<String, String> sseOwners = new ConcurrentHashMap<>();

  SessionLimiter(int max, long idleNanos, ToolMetrics metrics) {
    this.max = max;
    this.idleNanos = idleNanos;
    this.metrics = metrics;
  }

  boolean full() {
    return total() >= max;
  }

  private int total() {
    long now = System.nanoTime();
    streamable.values().removeIf(open -> now - open.lastUsedNanos() > idleNanos);
    return streamable.size() + sseStreams.get();
  }

  void opened(String sessionId, String owner) {
    streamable.put(sessionId, new Open(owner, System.nanoTime()));
    publish();
  }

  void touched(String sessionId) {
    streamable.computeIfPresent(sessionId, (id, open) -> new Open(open.owner(), System.nanoTime()));
  }

  /**
   * False when the session (Streamable HTTP or legacy SSE) is open and belongs to another caller;
   * unknown ids are the SDK's.
   */
  boolean usableBy(String sessionId, String caller) {
    Open open = streamable.get(sessionId);
    String sseOwner = sseOwners.get(sessionId);
    return (open == null || open.owner().equals(caller))
        && (sseOwner == null || sseOwner.equals(caller));
  }

  void closed(String sessionId) {
    if (streamable.remove(sessionId) != null) {
      publish();
    }
  }

  /** Reserves a legacy SSE stream; false when the cap is reached. */
  boolean openSse() {
    // Count first, then check, so two streams opening at once cannot both take the last place.
    sseStreams.incrementAndGet();
    if (total() > max) {
      sseStreams.decrementAndGet();
      return false;
    }
    publish();
    return true;
  }

  /** Ties a legacy SSE session to the caller whose stream opened it. */
  void sseOpened(String sessionId, String owner) {
    sseOwners.put(sessionId, owner);
  }

  /** Ends a stream reserved by {@link #openSse}; {@code sessionId} is null if none was named. */
  void closeSse(String sessionId) {
    if (sessionId != null) {
      sseOwners.remove(sessionId);
    }
    sseStreams.decrementAndGet();
    publish();
  }

  private void publish() {
    metrics.sessionsOpen("streamable", streamable.size());
    metrics.sessionsOpen("sse", sseStreams.get());
  }
}

package io.devhost.server.http;

import io.devhost.server.metrics.ToolMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open MCP sessions over HTTP against the cap. Streamable HTTP sessions are known by the
 * {@code Mcp-Session-Id} the SDK hands out and forgotten on DELETE, on a 404 for their id, or after
 * the idle timeout (when the SDK's sweeper closes them too). Legacy SSE sessions live exactly as
 * long as their {@code GET /sse} stream.
 */
final class SessionLimiter {

  private final int max;
  private final long idleNanos;
  private final ToolMetrics metrics;
  private final Map<String, Long> streamable = new ConcurrentHashMap<>();
  private final AtomicInteger sseStreams = new AtomicInteger();

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
    streamable.values().removeIf(last -> now - last > idleNanos);
    return streamable.size() + sseStreams.get();
  }

  void opened(String sessionId) {
    streamable.put(sessionId, System.nanoTime());
    publish();
  }

  void touched(String sessionId) {
    streamable.computeIfPresent(sessionId, (id, last) -> System.nanoTime());
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

  void closeSse() {
    sseStreams.decrementAndGet();
    publish();
  }

  private void publish() {
    metrics.sessionsOpen("streamable", streamable.size());
    metrics.sessionsOpen("sse", sseStreams.get());
  }
}

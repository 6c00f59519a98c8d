package io.devhost.server.mcp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tracks running calls by JSON-RPC request id so {@code notifications/cancelled} can reach them.
 * The SDK routes no such notification to tool handlers, so the transport layer reports both ends
 * here.
 */
public final class CancellationRegistry {

  private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();

  /** Marks a call as started and returns its flag, which turns true when it is cancelled. */
  public AtomicBoolean started(String requestId) {
    return running.computeIfAbsent(requestId, id -> new AtomicBoolean());
  }

  public void finished(String requestId) {
    running.remove(requestId);
  }

  /**
   * Cancels a call. A cancellation that arrives before the handler started (the request is still
   * queued) is kept, so the call stops as soon as it begins.
   */
  public void cancel(String requestId) {
    running.computeIfAbsent(requestId, id -> new AtomicBoolean()).set(true);
  }
}

package io.devhost.server.mcp;

/**
 * How often progress goes out: a tool may report per item, the client gets at most one update per
 * 100 ms, and always the last one.
 */
public final class ProgressThrottle {

  private static final long INTERVAL_NANOS = 100_000_000L;

  private long lastNanos;

  /** Whether this step should be sent; records it as sent when it should. */
  public synchronized boolean allows(double done, Double total) {
    long now = System.nanoTime();
    boolean last = total != null && done >= total;
    if (!last && lastNanos != 0 && now - lastNanos < INTERVAL_NANOS) {
      return false;
    }
    lastNanos = now;
    return true;
  }
}

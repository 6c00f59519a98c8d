package io.devhost.server.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per session: a session may burst up to {@code perMinute} calls and then gets one
 * call back every {@code 60 s / perMinute}. Buckets of sessions idle for an hour are dropped, so
 * the map does not grow with every session ever seen.
 */
public final class SessionRateLimiter {

  private static final long IDLE_NANOS = 3_600_000_000_000L;
  private static final int PRUNE_EVERY = 1024;

  private final int perMinute;
  private final double tokensPerNano;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private int untilPrune = PRUNE_EVERY;

  private static final class Bucket {
    double tokens;
    long lastNanos;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.lastNanos = now;
    }
  }

  /** {@code perMinute} 0 means no limit. */
  public SessionRateLimiter(int perMinute) {
    this.perMinute = perMinute;
    this.tokensPerNano = perMinute / 60e9;
  }

  public int perMinute() {
    return perMinute;
  }

  /** Takes one call from the session's budget; false when the budget is spent. */
  public boolean tryAcquire(String session) {
    if (perMinute == 0) {
      return true;
    }
    long now = System.nanoTime();
    maybePrune(now);
    Bucket bucket = buckets.computeIfAbsent(session, s -> new Bucket(perMinute, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.lastNanos) * tokensPerNano);
      bucket.lastNanos = now;
      if (bucket.tokens < 1) {
        return false;
      }
      bucket.tokens -= 1;
      return true;
    }
  }

  private void maybePrune(long now) {
    // A racy countdown is fine: pruning a little more or less often changes nothing.
    if (--untilPrune > 0) {
      return;
    }
    untilPrune = PRUNE_EVERY;
    buckets.values().removeIf(b -> now - b.lastNanos > IDLE_NANOS);
  }
}

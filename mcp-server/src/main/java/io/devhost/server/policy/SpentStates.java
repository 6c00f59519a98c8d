package io.devhost.server.policy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The confirmation states this process has already honoured, kept until they expire: a state
 * replayed to the same replica is refused, so one confirmation runs one call. Replicas share no
 * memory, so a replay sent to another replica within the state's lifetime is not caught here;
 * docs/security.md says so.
 */
public final class SpentStates {

  private final Map<String, Long> expiries = new ConcurrentHashMap<>();
  private final Duration lifetime;
  private final Clock clock;

  public SpentStates(Duration lifetime, Clock clock) {
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** Marks a state's id as used; false when it was used before. */
  public boolean spend(String id) {
    long now = clock.millis();
    expiries.values().removeIf(expiry -> expiry < now);
    return expiries.putIfAbsent(id, now + lifetime.toMillis()) == null;
  }
}

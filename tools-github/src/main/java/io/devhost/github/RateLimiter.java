package io.devhost.github;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Owns every decision to wait and retry. GitHub has two limits: the primary hourly quota ({@code
 * X-RateLimit-Remaining: 0}, resets at {@code X-RateLimit-Reset}) and secondary limits on bursts
 * (403 or 429, usually with {@code Retry-After}). Both, and 5xx hiccups, are retried with backoff
 * as long as the total wait stays within one call's time budget; past it the call fails with the
 * time the quota comes back, so a model can tell its user instead of hammering.
 */
final class RateLimiter {

  /** Waits; a test passes one that records instead of sleeping. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration d, ToolContext ctx) throws InterruptedException;

    /** Sleeps in short slices so a cancelled call stops waiting at once. */
    static Sleeper real() {
      return (d, ctx) -> {
        long end = System.nanoTime() + d.toNanos();
        for (long left = d.toNanos(); left > 0; left = end - System.nanoTime()) {
          ctx.throwIfCancelled();
          Thread.sleep(Math.max(1, Math.min(200, left / 1_000_000)));
        }
      };
    }
  }

  static final int MAX_ATTEMPTS = 4;
  private static final Duration SECONDARY_DEFAULT_WAIT = Duration.ofSeconds(60);

  private final Duration budget;
  private final Sleeper sleeper;
  private final Clock clock;

  RateLimiter(Duration budget, Sleeper sleeper, Clock clock) {
    this.budget = budget;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /** Tracks one call's waiting. */
  final class Attempts {
    private Duration waited = Duration.ZERO;
    private int attempt;

    /**
     * Decides about a response: true when the caller should send again (the wait is already done);
     * false when the response is not a limit or a server error; throws the error to report when the
     * attempts or the time budget are spent.
     */
    boolean retry(HttpResponse<?> response, ToolContext ctx) throws InterruptedException {
      int status = response.statusCode();
      RateLimit limit = RateLimit.from(response.headers());
      var retryAfter = response.headers().firstValueAsLong("retry-after");
      boolean primary = (status == 403 || status == 429) && limit != null && limit.exhausted();
      boolean secondary =
          (status == 403 || status == 429)
              && !primary
              && (retryAfter.isPresent() || isSecondaryMessage(response));
      boolean serverError = status == 502 || status == 503 || status == 504;
      if (!primary && !secondary && !serverError) {
        return false;
      }
      attempt++;
      Duration wait;
      if (retryAfter.isPresent()) {
        wait = Duration.ofSeconds(retryAfter.getAsLong());
      } else if (primary) {
        wait = Duration.between(clock.instant(), limit.reset()).plusSeconds(1);
      } else if (secondary) {
        wait = SECONDARY_DEFAULT_WAIT.multipliedBy(attempt);
      } else {
        wait = Duration.ofSeconds(1L << (attempt - 1));
      }
      if (wait.isNegative()) {
        wait = Duration.ZERO;
      }
      if (attempt >= MAX_ATTEMPTS || waited.plus(wait).compareTo(budget) > 0) {
        throw exhausted(status, primary, secondary, limit, wait, attempt);
      }
      sleeper.sleep(wait, ctx);
      waited = waited.plus(wait);
      return true;
    }
  }

  Attempts start() {
    return new Attempts();
  }

  private static boolean isSecondaryMessage(HttpResponse<?> response) {
    return response.body() instanceof String s && s.contains("secondary rate limit");
  }

  private ToolException exhausted(
      int status,
      boolean primary,
      boolean secondary,
      RateLimit limit,
      Duration wait,
      int attempts) {
    Instant until = clock.instant().plus(wait);
    if (primary) {
      return new ToolException(
          ToolException.Kind.UNAVAILABLE,
          "GitHub rate limit exhausted ("
              + limit.limit()
              + " requests/hour for '"
              + limit.resource()
              + "'); it resets at "
              + limit.reset()
              + ". Try again after that, or use the local git tools meanwhile.");
    }
    if (secondary) {
      return new ToolException(
          ToolException.Kind.UNAVAILABLE,
          "GitHub's secondary rate limit is throttling requests; retry after "
              + until
              + " (waiting longer than this call's "
              + budget.toSeconds()
              + "s budget). Make fewer calls in a burst.");
    }
    return new ToolException(
        ToolException.Kind.UNAVAILABLE,
        "GitHub is unavailable (HTTP " + status + ") after " + attempts + " attempts; try later.");
  }
}

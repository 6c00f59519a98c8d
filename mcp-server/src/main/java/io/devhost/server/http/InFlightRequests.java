package io.devhost.server.http;

import java.time.Duration;

/**
 * Counts MCP {@code POST}s still being answered, so shutdown can wait until the last response is
 * written before it closes the sessions (closing a session ends its streams, and with them any
 * response not yet sent).
 */
final class InFlightRequests {

  private int count;

  synchronized void started() {
    count++;
  }

  synchronized void finished() {
    count--;
    if (count == 0) {
      notifyAll();
    }
  }

  /** Waits until no request is in flight or {@code limit} has passed; true when none is. */
  synchronized boolean awaitNone(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (count > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}

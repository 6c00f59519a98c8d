package io.devhost.server.mcp;

import java.time.Duration;

/**
 * Counts client requests that have come in but have not been answered yet, so the server can answer
 * them all before it exits when the client closes its end.
 */
final class PendingRequests {

  private int pending;

  synchronized void received() {
    pending++;
  }

  synchronized void answered() {
    if (pending > 0 && --pending == 0) {
      notifyAll();
    }
  }

  /** Waits until every request has been answered or the timeout passes; true if all were. */
  synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pending > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}

package io.devhost.pg;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancels a running statement on the server when the client cancels the call, so a long query stops
 * at once instead of at its statement timeout and gives its connection back.
 *
 * <p>{@link ToolContext} exposes cancellation as a flag, so running statements are polled every
 * {@value #POLL_MS} ms by one daemon thread, started on the first watched statement.
 */
final class StatementCanceller implements AutoCloseable {

  /** Stops watching one statement. */
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }

  static final long POLL_MS = 100;
  private static final Logger LOG = LoggerFactory.getLogger(StatementCanceller.class);

  private ScheduledExecutorService timer;

  Watch watch(ToolContext ctx, Statement statement) {
    if (ctx == ToolContext.DETACHED) {
      return () -> {};
    }
    var cancelled = new AtomicBoolean();
    ScheduledFuture<?> poll =
        timer()
            .scheduleWithFixedDelay(
                () -> {
                  if (ctx.isCancelled() && cancelled.compareAndSet(false, true)) {
                    cancel(statement);
                  }
                },
                POLL_MS,
                POLL_MS,
                TimeUnit.MILLISECONDS);
    return () -> poll.cancel(false);
  }

  /**
   * Runs {@code call} and, when it failed because the client cancelled, says so instead of
   * reporting PostgreSQL's "canceling statement" error as a timeout.
   */
  static <T> T reportingCancellation(ToolContext ctx, Supplier<T> call) {
    try {
      return call.get();
    } catch (ToolException e) {
      if (ctx.isCancelled()) {
        throw new ToolException(
            ToolException.Kind.CANCELLED,
            "The call was cancelled by the client; PostgreSQL stopped the statement and nothing"
                + " was changed.");
      }
      throw e;
    }
  }

  private static void cancel(Statement statement) {
    try {
      statement.cancel();
    } catch (SQLException e) {
      LOG.debug("cancelling a statement failed: {}", e.toString());
    }
  }

  private synchronized ScheduledExecutorService timer() {
    if (timer == null) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                var thread = new Thread(r, "devhost-pg-cancel");
                thread.setDaemon(true);
                return thread;
              });
    }
    return timer;
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}

package io.devhost.pg;

import java.time.Duration;

/**
 * Pool size, timeouts and result caps shared by every database, validated once at start-up.
 *
 * @param poolSize most connections one database's pool opens
 * @param connectTimeout how long a call waits for a connection before reporting the database as
 *     unreachable
 * @param statementTimeout {@code statement_timeout} set on every call's transaction
 * @param lockTimeout {@code lock_timeout} set on every call's transaction
 * @param defaultMaxRows rows a query returns when the caller does not say
 * @param maxResultBytes approximate JSON size at which a page of rows stops
 */
public record PgLimits(
    int poolSize,
    Duration connectTimeout,
    Duration statementTimeout,
    Duration lockTimeout,
    int defaultMaxRows,
    int maxResultBytes) {

  public static final PgLimits DEFAULT =
      new PgLimits(
          5, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(5), 500, 1 << 20);

  /** The largest page a caller may ask for. */
  public static final int MAX_ROWS_CAP = 10_000;

  public PgLimits {
    if (poolSize < 1 || poolSize > 100) {
      throw new IllegalArgumentException("db-pool-size must be between 1 and 100, got " + poolSize);
    }
    requirePositive("db-connect-timeout", connectTimeout);
    requirePositive("db-statement-timeout", statementTimeout);
    requirePositive("db-lock-timeout", lockTimeout);
    if (defaultMaxRows < 1 || defaultMaxRows > MAX_ROWS_CAP) {
      throw new IllegalArgumentException(
          "db-max-rows must be between 1 and " + MAX_ROWS_CAP + ", got " + defaultMaxRows);
    }
    if (maxResultBytes < 1024) {
      throw new IllegalArgumentException(
          "db-max-result-bytes must be at least 1024, got " + maxResultBytes);
    }
  }

  /**
   * A transaction left open by a stuck client is ended by the server shortly after the statement
   * timeout would have fired, so no pooled connection keeps locks for long.
   */
  Duration idleInTransactionTimeout() {
    return statementTimeout.plusSeconds(10);
  }

  private static void requirePositive(String key, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(key + " must be a positive duration, got " + value);
    }
  }
}

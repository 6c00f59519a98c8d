package io.devhost.pg;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One named database as configured: where it is (resolved lazily, so the embedded server starts on
 * first use), whether writes are allowed, and whether a superuser connection is accepted.
 */
public record DatabaseConfig(
    String name, Supplier<DatabaseUrl> url, boolean readWrite, boolean allowSuperuser) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");

  public DatabaseConfig {
    Objects.requireNonNull(url, "url");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Database name '"
              + name
              + "' is not valid: use letters, digits, '_' or '-', starting with a letter.");
    }
  }

  /** A database at a fixed URL. */
  public static DatabaseConfig of(
      String name, DatabaseUrl url, boolean readWrite, boolean allowSuperuser) {
    return new DatabaseConfig(name, () -> url, readWrite, allowSuperuser);
  }
}

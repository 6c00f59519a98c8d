package io.devhost.pg;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * Where a database is and who connects: a JDBC URL without credentials, and the user and password
 * apart from it, so the URL can be logged and shown while the password never is.
 *
 * <p>Accepts what libpq accepts, read as libpq reads it (see {@link LibpqSettings}): the URI form
 * ({@code postgres://user:pass@h1:5432,h2:5433/db?sslmode=require}) that {@code DATABASE_URL}
 * usually holds, and the {@code key=value} form ({@code host=h1 dbname=shop}), with {@code PG*}
 * variables and {@code ~/.pgpass} filling what they leave out; and pgjdbc's own {@code
 * jdbc:postgresql://...}, taken as it is.
 *
 * @param sslPassword the password of the client key ({@code sslpassword}), kept out of the URL like
 *     the password
 * @param options the URL's {@code options} parameter (server settings such as {@code -c
 *     search_path=app}), kept apart so DevHost can add its own settings to it
 */
public record DatabaseUrl(
    String jdbcUrl, String user, String password, String options, String sslPassword) {

  public DatabaseUrl(String jdbcUrl, String user, String password) {
    this(jdbcUrl, user, password, null, null);
  }

  public DatabaseUrl(String jdbcUrl, String user, String password, String options) {
    this(jdbcUrl, user, password, options, null);
  }

  /** Parses a URL on its own, without PG* variables or a password file. */
  public static DatabaseUrl parse(String url) {
    return parse(url, LibpqEnvironment.NONE);
  }

  /**
   * Parses a URL or connection string as libpq would in {@code environment}; the message of the
   * exception names the problem but never the password.
   */
  public static DatabaseUrl parse(String url, LibpqEnvironment environment) {
    String trimmed = url.strip();
    if (trimmed.startsWith("jdbc:postgresql://")) {
      return parseJdbc(trimmed.substring("jdbc:postgresql://".length()));
    }
    if (ConnInfo.isUri(trimmed) || ConnInfo.isKeyValue(trimmed) || trimmed.isEmpty()) {
      return LibpqSettings.toDatabaseUrl(ConnInfo.parse(trimmed), environment);
    }
    throw new IllegalArgumentException(
        "Database URL must start with postgres://, postgresql:// or jdbc:postgresql://, or be a"
            + " key=value connection string (host=... dbname=...); got '"
            + schemeOf(trimmed)
            + "'.");
  }

  /** pgjdbc's own form, possibly with several hosts; only the credentials are taken out. */
  private static DatabaseUrl parseJdbc(String rest) {
    int query = rest.indexOf('?');
    String rawQuery = query < 0 ? null : rest.substring(query + 1);
    rest = query < 0 ? rest : rest.substring(0, query);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "/" : rest.substring(slash);
    String user = null;
    String password = null;
    String options = null;
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      authority = authority.substring(at + 1);
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    var hosts = new ArrayList<String>();
    for (String host : (authority.isEmpty() ? "localhost" : authority).split(",")) {
      boolean hasPort = host.startsWith("[") ? host.contains("]:") : host.contains(":");
      hosts.add(hasPort ? host : host + ":5432");
    }
    var params = new ArrayList<String>();
    if (rawQuery != null) {
      for (String param : rawQuery.split("&")) {
        int eq = param.indexOf('=');
        String key = eq < 0 ? param : param.substring(0, eq);
        String value = eq < 0 ? "" : decode(param.substring(eq + 1));
        switch (key) {
          case "user" -> user = value;
          case "password" -> password = value;
          case "options" -> options = value;
          default -> params.add(param);
        }
      }
    }
    String jdbc =
        "jdbc:postgresql://"
            + String.join(",", hosts)
            + path
            + (params.isEmpty() ? "" : "?" + String.join("&", params));
    return new DatabaseUrl(jdbc, user, password, options);
  }

  /** The URL with the user, for messages; the password never appears. */
  public String redacted() {
    return user == null ? jdbcUrl : jdbcUrl + " (user " + user + ")";
  }

  /** Host and port, for messages about an unreachable server. */
  public String hostAndPort() {
    String rest = jdbcUrl.substring("jdbc:postgresql://".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  /** The database name in the URL's path. */
  public String databaseName() {
    String rest = jdbcUrl.substring("jdbc:postgresql://".length());
    int slash = rest.indexOf('/');
    String path = slash < 0 ? "" : rest.substring(slash + 1);
    int query = path.indexOf('?');
    return decode(query < 0 ? path : path.substring(0, query));
  }

  @Override
  public String toString() {
    return redacted();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String schemeOf(String url) {
    int colon = url.indexOf(':');
    return colon < 0 ? "(no scheme)" : url.substring(0, colon);
  }
}

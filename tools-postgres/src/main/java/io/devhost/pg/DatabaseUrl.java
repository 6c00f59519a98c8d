package io.devhost.pg;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * Where a database is and who connects: a JDBC URL without credentials, and the user and password
 * apart from it, so the URL can be logged and shown while the password never is.
 *
 * <p>Accepts the libpq form ({@code postgres://user:pass@host:5432/db?sslmode=require}) that {@code
 * DATABASE_URL} usually holds, and pgjdbc's own {@code jdbc:postgresql://...}.
 *
 * @param options the URL's {@code options} parameter (server settings such as {@code -c
 *     search_path=app}), kept apart so DevHost can add its own settings to it
 */
public record DatabaseUrl(String jdbcUrl, String user, String password, String options) {

  public DatabaseUrl(String jdbcUrl, String user, String password) {
    this(jdbcUrl, user, password, null);
  }

  /** Parses a URL; the message of the exception names the problem but never the password. */
  public static DatabaseUrl parse(String url) {
    String trimmed = url.strip();
    String rest;
    if (trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://")) {
      rest = trimmed.substring(trimmed.indexOf("://") + 3);
    } else if (trimmed.startsWith("jdbc:postgresql://")) {
      rest = trimmed.substring("jdbc:postgresql://".length());
    } else {
      throw new IllegalArgumentException(
          "Database URL must start with postgres://, postgresql:// or jdbc:postgresql://, got '"
              + schemeOf(trimmed)
              + "'.");
    }
    URI uri;
    try {
      uri = new URI("postgresql://" + rest);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "Database URL is malformed (" + e.getReason() + "); percent-encode special characters.");
    }
    String user = null;
    String password = null;
    String options = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    var params = new ArrayList<String>();
    if (uri.getRawQuery() != null) {
      for (String param : uri.getRawQuery().split("&")) {
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
    String host = uri.getHost() == null ? "localhost" : uri.getHost();
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String jdbc =
        "jdbc:postgresql://"
            + host
            + ":"
            + port
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

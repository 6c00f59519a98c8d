package io.devhost.pg;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns libpq connection keywords (from {@link ConnInfo}, with {@code PG*} variables and the
 * password file applied as libpq applies them) into what pgjdbc takes: a JDBC URL with several
 * hosts and pgjdbc's names for libpq's parameters, and the user and password apart from it.
 *
 * <p>A value libpq would reject is refused with a message naming the keyword; a keyword pgjdbc
 * cannot honour is refused when it is about security (so a connection is never weaker than the user
 * asked for) and ignored with a warning otherwise.
 */
final class LibpqSettings {

  private static final Logger LOG = LoggerFactory.getLogger(LibpqSettings.class);

  private static final Set<String> SSL_MODES =
      Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

  /** libpq's target_session_attrs values and pgjdbc's nearest targetServerType. */
  private static final Map<String, String> SERVER_TYPES =
      Map.of(
          "any", "any",
          "read-write", "primary",
          "primary", "primary",
          "read-only", "secondary",
          "standby", "secondary",
          "prefer-standby", "preferSecondary");

  /** Keywords passed on under pgjdbc's name, value unchanged. */
  private static final Map<String, String> SAME_VALUE =
      Map.of(
          "sslrootcert", "sslrootcert",
          "sslcert", "sslcert",
          "sslkey", "sslkey",
          "krbsrvname", "kerberosServerName",
          "gsslib", "gsslib");

  /** Keywords about security that pgjdbc cannot honour: refused, never silently dropped. */
  private static final Set<String> REFUSED =
      Set.of(
          "require_auth",
          "requirepeer",
          "sslcrl",
          "sslcrldir",
          "sslcertmode",
          "ssl_min_protocol_version",
          "ssl_max_protocol_version",
          "gssdelegation",
          "replication");

  /** Keywords about tuning that pgjdbc has no equivalent for: ignored with a warning. */
  private static final Set<String> IGNORED =
      Set.of(
          "keepalives_idle",
          "keepalives_interval",
          "keepalives_count",
          "tcp_user_timeout",
          "sslcompression",
          "sslsni",
          "fallback_application_name");

  private LibpqSettings() {}

  static DatabaseUrl toDatabaseUrl(Map<String, String> given, LibpqEnvironment environment) {
    var kw = environment.fill(given);
    if (kw.containsKey("service")) {
      throw new IllegalArgumentException(
          "service="
              + kw.get("service")
              + " (pg_service.conf) is not read by DevHost: give host, port and dbname in the URL"
              + " instead.");
    }
    String user = emptyToNull(kw.get("user"));
    if (user == null) {
      user = environment.osUser();
    }
    String database = emptyToNull(kw.get("dbname"));
    if (database == null) {
      database = user;
    }
    List<String> hosts = split(kw.getOrDefault("hostaddr", kw.getOrDefault("host", "")));
    List<String> names = split(kw.getOrDefault("host", kw.getOrDefault("hostaddr", "")));
    List<Integer> ports = ports(kw.get("port"), hosts.size());
    var jdbcHosts = new ArrayList<String>();
    for (int i = 0; i < hosts.size(); i++) {
      String host = hosts.get(i).isEmpty() ? "localhost" : hosts.get(i);
      if (host.startsWith("/") || host.startsWith("@")) {
        throw new IllegalArgumentException(
            "Host '"
                + host
                + "' is a Unix-domain socket directory, which the Java PostgreSQL driver cannot"
                + " connect to. Use a TCP host such as host=localhost (with the server listening"
                + " on it).");
      }
      jdbcHosts.add((host.contains(":") ? "[" + host + "]" : host) + ":" + ports.get(i));
    }
    String password = kw.get("password");
    if (password == null || password.isEmpty()) {
      password = passwordFromFile(kw, environment, names, ports, database, user);
    }
    var params = new LinkedHashMap<String, String>();
    kw.forEach((key, value) -> translate(key, value, params));
    String jdbc =
        "jdbc:postgresql://"
            + String.join(",", jdbcHosts)
            + "/"
            + (database == null ? "" : encode(database))
            + (params.isEmpty() ? "" : "?" + query(params));
    return new DatabaseUrl(
        jdbc, user, password, emptyToNull(kw.get("options")), emptyToNull(kw.get("sslpassword")));
  }

  private static void translate(String key, String value, Map<String, String> params) {
    switch (key) {
      case "host",
          "hostaddr",
          "port",
          "dbname",
          "user",
          "password",
          "passfile",
          "options",
          "sslpassword" -> {}
      case "sslmode" -> params.put("sslmode", oneOf(key, value, SSL_MODES));
      case "target_session_attrs" ->
          params.put(
              "targetServerType", SERVER_TYPES.get(oneOf(key, value, SERVER_TYPES.keySet())));
      case "connect_timeout" -> {
        int seconds = integer(key, value);
        // libpq: zero or less waits forever, and anything else at least two seconds.
        params.put("connectTimeout", String.valueOf(seconds <= 0 ? 0 : Math.max(2, seconds)));
      }
      case "application_name" -> params.put("ApplicationName", value);
      case "keepalives" -> params.put("tcpKeepAlive", String.valueOf(integer(key, value) != 0));
      case "load_balance_hosts" ->
          params.put(
              "loadBalanceHosts",
              String.valueOf(oneOf(key, value, Set.of("disable", "random")).equals("random")));
      case "gssencmode" ->
          params.put("gssEncMode", oneOf(key, value, Set.of("disable", "prefer", "require")));
      case "channel_binding" ->
          params.put("channelBinding", oneOf(key, value, Set.of("disable", "prefer", "require")));
      case "sslnegotiation" ->
          params.put("sslNegotiation", oneOf(key, value, Set.of("postgres", "direct")));
      case "client_encoding" -> {
        String v = value.replace("-", "").toUpperCase(Locale.ROOT);
        if (!v.equals("UTF8") && !v.equals("AUTO")) {
          throw new IllegalArgumentException(
              "client_encoding="
                  + value
                  + " is not supported: the Java driver always uses UTF8. Remove client_encoding.");
        }
      }
      default -> {
        if (SAME_VALUE.containsKey(key)) {
          params.put(SAME_VALUE.get(key), value);
        } else if (REFUSED.contains(key)) {
          throw new IllegalArgumentException(
              key
                  + " is a libpq parameter that the Java PostgreSQL driver DevHost uses cannot"
                  + " honour, so DevHost refuses it rather than connect with weaker checks than"
                  + " asked. Remove "
                  + key
                  + ", or connect through a path that enforces it.");
        } else if (IGNORED.contains(key)) {
          LOG.warn(
              "database URL: libpq parameter {} has no equivalent in the Java driver and is ignored",
              key);
        }
      }
    }
  }

  private static String passwordFromFile(
      Map<String, String> kw,
      LibpqEnvironment environment,
      List<String> names,
      List<Integer> ports,
      String database,
      String user) {
    Path file =
        kw.containsKey("passfile")
            ? Path.of(kw.get("passfile"))
            : environment.home() == null ? null : environment.home().resolve(".pgpass");
    if (file == null) {
      return null;
    }
    for (int i = 0; i < names.size(); i++) {
      var found = PgPass.lookup(file, names.get(i), ports.get(i), database, user);
      if (found.isPresent()) {
        return found.get();
      }
    }
    // The file was consulted with libpq's rules and had nothing (or was ignored for its
    // permissions). An empty password keeps pgjdbc from reading ~/.pgpass again on its own,
    // without the permission check; a server that asks for a password then refuses, as with libpq.
    return "";
  }

  /** One port per host: none (5432 each), one for all, or exactly as many as there are hosts. */
  private static List<Integer> ports(String spec, int hosts) {
    List<String> given = spec == null ? List.of("") : split(spec);
    if (given.size() != 1 && given.size() != hosts) {
      throw new IllegalArgumentException(
          "Could not match " + given.size() + " port numbers to " + hosts + " hosts.");
    }
    var ports = new ArrayList<Integer>();
    for (int i = 0; i < hosts; i++) {
      String port = given.get(given.size() == 1 ? 0 : i).strip();
      if (port.isEmpty()) {
        ports.add(5432);
        continue;
      }
      int value;
      try {
        value = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        value = -1;
      }
      if (value < 1 || value > 65535) {
        throw new IllegalArgumentException(
            "Invalid port number '" + port + "': use a number from 1 to 65535.");
      }
      ports.add(value);
    }
    return ports;
  }

  private static String oneOf(String key, String value, Set<String> allowed) {
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(
          "Invalid "
              + key
              + " value '"
              + value
              + "': use one of "
              + String.join(", ", allowed.stream().sorted().toList())
              + ".");
    }
    return value;
  }

  private static int integer(String key, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid integer value '" + value + "' for connection option " + key + ".");
    }
  }

  private static List<String> split(String list) {
    return List.of(list.split(",", -1));
  }

  private static String query(Map<String, String> params) {
    var parts = new ArrayList<String>();
    params.forEach((k, v) -> parts.add(k + "=" + encode(v)));
    return String.join("&", parts);
  }

  /** pgjdbc URL-decodes the path and parameters; spaces are written %20 so they read back alike. */
  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}

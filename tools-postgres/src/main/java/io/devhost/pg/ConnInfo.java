package io.devhost.pg;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a connection string the way libpq does, into its keywords: the URI form ({@code
 * postgres://user:pass@h1:5432,h2:5433/db?sslmode=require}) and the {@code key=value} form ({@code
 * host=h1 dbname='my db'}). Only the syntax and the keywords libpq knows are checked here; what the
 * values mean is {@link LibpqSettings}'s job.
 *
 * <p>Messages name the part that is wrong and never contain a password or the user part of a URI.
 */
final class ConnInfo {

  /** Every keyword libpq 17 accepts in a connection string. */
  static final Set<String> KEYWORDS =
      Set.of(
          "host",
          "hostaddr",
          "port",
          "dbname",
          "user",
          "password",
          "passfile",
          "require_auth",
          "channel_binding",
          "connect_timeout",
          "client_encoding",
          "options",
          "application_name",
          "fallback_application_name",
          "keepalives",
          "keepalives_idle",
          "keepalives_interval",
          "keepalives_count",
          "tcp_user_timeout",
          "replication",
          "gssencmode",
          "sslmode",
          "sslnegotiation",
          "sslcompression",
          "sslcert",
          "sslkey",
          "sslpassword",
          "sslcertmode",
          "sslrootcert",
          "sslcrl",
          "sslcrldir",
          "sslsni",
          "requirepeer",
          "ssl_min_protocol_version",
          "ssl_max_protocol_version",
          "krbsrvname",
          "gsslib",
          "gssdelegation",
          "service",
          "target_session_attrs",
          "load_balance_hosts");

  private ConnInfo() {}

  /** True when {@code s} is a libpq URI rather than a {@code key=value} string. */
  static boolean isUri(String s) {
    return s.startsWith("postgres://") || s.startsWith("postgresql://");
  }

  /** True when {@code s} looks like a {@code key=value} connection string. */
  static boolean isKeyValue(String s) {
    return s.matches("(?s)\\s*[A-Za-z_]+\\s*=.*");
  }

  /** The keywords of a URI or {@code key=value} string, in the order given; later ones win. */
  static Map<String, String> parse(String conninfo) {
    return isUri(conninfo) ? parseUri(conninfo) : parseKeyValue(conninfo);
  }

  private static Map<String, String> parseUri(String uri) {
    var out = new LinkedHashMap<String, String>();
    String rest = uri.substring(uri.indexOf("://") + 3);
    int query = rest.indexOf('?');
    String params = query < 0 ? null : rest.substring(query + 1);
    rest = query < 0 ? rest : rest.substring(0, query);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? null : rest.substring(slash + 1);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      authority = authority.substring(at + 1);
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      if (!user.isEmpty()) {
        out.put("user", decode(user, "the user name"));
      }
      if (colon >= 0) {
        out.put("password", decode(userInfo.substring(colon + 1), "the password"));
      }
    }
    parseHosts(authority, out);
    if (path != null && !path.isEmpty()) {
      out.put("dbname", decode(path, "the database name"));
    }
    if (params != null) {
      for (String param : params.split("&", -1)) {
        if (param.isEmpty()) {
          continue;
        }
        int eq = param.indexOf('=');
        if (eq < 0 || param.indexOf('=', eq + 1) >= 0) {
          throw new IllegalArgumentException(
              "Query parameter '"
                  + decode(eq < 0 ? param : param.substring(0, eq), "a query parameter")
                  + "' of the database URL needs exactly one '=' (key=value).");
        }
        String key = decode(param.substring(0, eq), "a query parameter");
        String value = decode(param.substring(eq + 1), "the value of " + key);
        // libpq's own JDBC compatibility: ssl=true means sslmode=require.
        if (key.equals("ssl") && value.equals("true")) {
          key = "sslmode";
          value = "require";
        }
        out.put(known(key, "URL query parameter"), value);
      }
    }
    return out;
  }

  /** Splits {@code h1:5432,[::1]:5433,h3} into comma-joined {@code host} and {@code port}. */
  private static void parseHosts(String authority, Map<String, String> out) {
    if (authority.isEmpty()) {
      return;
    }
    var hosts = new ArrayList<String>();
    var ports = new ArrayList<String>();
    for (String spec : authority.split(",", -1)) {
      String host;
      String port = "";
      if (spec.startsWith("[")) {
        int close = spec.indexOf(']');
        if (close < 0) {
          throw new IllegalArgumentException(
              "Host '" + spec + "' in the database URL has '[' without ']' (IPv6 addresses).");
        }
        host = spec.substring(1, close);
        String after = spec.substring(close + 1);
        if (!after.isEmpty()) {
          if (!after.startsWith(":")) {
            throw new IllegalArgumentException(
                "Unexpected '" + after + "' after the IPv6 address in the database URL.");
          }
          port = after.substring(1);
        }
      } else {
        int colon = spec.indexOf(':');
        host = colon < 0 ? spec : spec.substring(0, colon);
        port = colon < 0 ? "" : spec.substring(colon + 1);
      }
      hosts.add(decode(host, "a host"));
      ports.add(decode(port, "a port"));
    }
    boolean anyPort = ports.stream().anyMatch(p -> !p.isEmpty());
    out.put("host", String.join(",", hosts));
    if (anyPort) {
      out.put("port", String.join(",", ports));
    }
  }

  private static Map<String, String> parseKeyValue(String s) {
    var out = new LinkedHashMap<String, String>();
    int i = 0;
    int n = s.length();
    while (true) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i >= n) {
        return out;
      }
      int keyStart = i;
      while (i < n && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      String key = s.substring(keyStart, i);
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i >= n || s.charAt(i) != '=') {
        throw new IllegalArgumentException(
            "Connection string: missing '=' after '" + key + "' (write key=value pairs).");
      }
      i++;
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      var value = new StringBuilder();
      if (i < n && s.charAt(i) == '\'') {
        i++;
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException(
                "Connection string: the quoted value of '" + key + "' has no closing quote.");
          }
          char c = s.charAt(i++);
          if (c == '\'') {
            break;
          }
          if (c == '\\' && i < n) {
            c = s.charAt(i++);
          }
          value.append(c);
        }
      } else {
        while (i < n && !Character.isWhitespace(s.charAt(i))) {
          char c = s.charAt(i++);
          if (c == '\\' && i < n) {
            c = s.charAt(i++);
          }
          value.append(c);
        }
      }
      out.put(known(key, "connection option"), value.toString());
    }
  }

  private static String known(String key, String what) {
    if (!KEYWORDS.contains(key)) {
      throw new IllegalArgumentException(
          "Unknown "
              + what
              + " '"
              + key
              + "': libpq rejects it too. Known ones include sslmode, sslrootcert,"
              + " target_session_attrs, connect_timeout, application_name and options.");
    }
    return key;
  }

  /** Percent-decoding as libpq does it: {@code %XX} only ({@code +} stays), {@code %00} refused. */
  static String decode(String s, String what) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    var bytes = new ByteArrayOutputStream();
    byte[] raw = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] != '%') {
        bytes.write(raw[i]);
        continue;
      }
      int value = i + 2 < raw.length ? hex(raw[i + 1]) << 4 | hex(raw[i + 2]) : -1;
      if (value < 0) {
        throw new IllegalArgumentException(
            "Invalid percent-encoding in "
                + what
                + " of the database URL: use %XX with two hex digits.");
      }
      if (value == 0) {
        throw new IllegalArgumentException(
            "%00 is not allowed in " + what + " of the database URL.");
      }
      bytes.write(value);
      i += 2;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    int d = Character.digit((char) b, 16);
    return d < 0 ? -1 << 8 : d;
  }
}

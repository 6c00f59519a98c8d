package io.devhost.server.http;

import io.devhost.server.auth.OAuthSettings;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The validated settings of the HTTP server. Validation happens here, once, at start-up: a
 * non-loopback bind address without a token or an OAuth issuer is refused with the reason.
 *
 * @param token the static bearer token, or null when there is none (with OAuth, or loopback only)
 * @param oauth the OAuth resource-server settings, or null when no identity provider is used
 */
public record HttpSettings(
    String bind,
    int port,
    String token,
    List<String> allowedOrigins,
    Set<String> allowedHosts,
    int maxBodyBytes,
    int maxSessions,
    int sessionIdleSeconds,
    OAuthSettings oauth) {

  static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]", "::1");

  public static HttpSettings of(
      String bind,
      int port,
      String token,
      List<String> extraOrigins,
      List<String> extraHosts,
      int maxBodyBytes,
      int maxSessions,
      int sessionIdleSeconds,
      OAuthSettings oauth) {
    InetAddress address = resolve(bind);
    if (!address.isLoopbackAddress() && token == null && oauth == null) {
      throw new IllegalArgumentException(
          "Refusing to listen on "
              + bind
              + " without a bearer token: any machine that can reach it could use this"
              + " project's files and credentials. Set DEVHOST_TOKEN (or --token-file), or"
              + " --oauth-issuer, or bind 127.0.0.1.");
    }
    if (!address.isLoopbackAddress() && oauth != null && oauth.audience() == null) {
      throw new IllegalArgumentException(
          "--oauth-audience is required with --bind "
              + bind
              + ": tokens must name this server's public URL (e.g."
              + " https://devhost.example.com/mcp), which DevHost cannot guess from the bind"
              + " address.");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port + ".");
    }
    positive("--max-body-bytes", maxBodyBytes);
    positive("--max-sessions", maxSessions);
    positive("--session-idle-timeout", sessionIdleSeconds);
    var hosts = new LinkedHashSet<String>(LOOPBACK_NAMES);
    hosts.add(hostName(bind));
    if (address.isAnyLocalAddress()) {
      hosts.addAll(localAddresses());
    }
    extraHosts.forEach(h -> hosts.add(hostName(h)));
    return new HttpSettings(
        bind,
        port,
        token,
        List.copyOf(extraOrigins),
        Set.copyOf(hosts),
        maxBodyBytes,
        maxSessions,
        sessionIdleSeconds,
        oauth);
  }

  private static InetAddress resolve(String bind) {
    try {
      return InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--bind " + bind + " is not a known address.");
    }
  }

  private static void positive(String option, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(option + " must be positive, not " + value + ".");
    }
  }

  static String hostName(String host) {
    String h = host.toLowerCase(Locale.ROOT).strip();
    return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
  }

  /** Every address of this machine, for a server bound to all of them. */
  private static List<String> localAddresses() {
    var out = new ArrayList<String>();
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress a : Collections.list(nif.getInetAddresses())) {
          String literal = a.getHostAddress();
          int zone = literal.indexOf('%');
          out.add(hostName(zone < 0 ? literal : literal.substring(0, zone)));
        }
      }
      out.add(hostName(InetAddress.getLocalHost().getHostName()));
    } catch (SocketException | UnknownHostException e) {
      // The loopback names and --allowed-hosts still apply.
    }
    return out;
  }
}

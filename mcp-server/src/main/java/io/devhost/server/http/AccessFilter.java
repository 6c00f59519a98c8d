package io.devhost.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Set;

/**
 * Who may talk to the server at all, checked before anything else on every request: the {@code
 * Host} header must name this server (DNS rebinding), a browser's {@code Origin} must be allowed (a
 * web page must not drive the tools), and, when a token is set, the bearer token must match
 * (compared in constant time). Only {@code /healthz} is open without a token, so probes need no
 * secret.
 */
final class AccessFilter extends HttpFilter {

  private static final Set<String> LOCAL_ORIGIN_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

  private final HttpSettings settings;
  private final byte[] tokenDigest;

  AccessFilter(HttpSettings settings) {
    this.settings = settings;
    this.tokenDigest = settings.token() == null ? null : sha256(settings.token());
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!hostAllowed(req.getHeader("Host"))) {
      ErrorBodies.send(res, 403, "Host not allowed");
      return;
    }
    String origin = req.getHeader("Origin");
    if (origin != null && !originAllowed(origin)) {
      ErrorBodies.send(res, 403, "Origin not allowed");
      return;
    }
    if (tokenDigest != null
        && !req.getRequestURI().equals(HttpServer.HEALTH_PATH)
        && !tokenMatches(req.getHeader("Authorization"))) {
      res.setHeader("WWW-Authenticate", "Bearer realm=\"devhost\"");
      ErrorBodies.send(res, 401, "Missing or wrong bearer token");
      return;
    }
    chain.doFilter(req, res);
  }

  private boolean hostAllowed(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT).strip();
    int colon = h.lastIndexOf(':');
    if (colon > h.lastIndexOf(']')) {
      h = h.substring(0, colon);
    }
    return settings.allowedHosts().contains(h);
  }

  private boolean originAllowed(String origin) {
    String o = origin.strip().toLowerCase(Locale.ROOT);
    if (settings.allowedOrigins().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(o))) {
      return true;
    }
    try {
      URI uri = new URI(o);
      String scheme = uri.getScheme();
      String host = uri.getHost();
      return ("http".equals(scheme) || "https".equals(scheme))
          && host != null
          && LOCAL_ORIGIN_HOSTS.contains(host)
          && uri.getRawPath().isEmpty()
          && uri.getRawUserInfo() == null;
    } catch (URISyntaxException e) {
      return false; // "null" and other opaque origins land here or fail the checks above
    }
  }

  private boolean tokenMatches(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    // Comparing digests of equal length keeps the comparison constant-time in the token length.
    return MessageDigest.isEqual(tokenDigest, sha256(authorization.substring(7).strip()));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

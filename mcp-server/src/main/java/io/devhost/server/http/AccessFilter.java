package io.devhost.server.http;

import io.devhost.core.audit.AuditListener;
import io.devhost.server.auth.BearerAuthenticator;
import io.devhost.server.auth.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Who may talk to the server at all, checked before anything else on every request: the {@code
 * Host} header must name this server (DNS rebinding), a browser's {@code Origin} must be allowed (a
 * web page must not drive the tools), and, when a static token or an OAuth issuer is set, the
 * {@link BearerAuthenticator} must accept the bearer token. The caller it names is put on the
 * request for the SDK's transport context ({@link Caller#CONTEXT_KEY}); every refusal leaves an
 * audit record. Only {@code /healthz} and the protected-resource metadata are open without a token,
 * so probes and OAuth discovery need no secret.
 */
final class AccessFilter extends HttpFilter {

  private static final Set<String> LOCAL_ORIGIN_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

  private final HttpSettings settings;
  private final BearerAuthenticator authenticator;
  private final AuditListener audit;

  AccessFilter(HttpSettings settings, BearerAuthenticator authenticator, AuditListener audit) {
    this.settings = settings;
    this.authenticator = authenticator;
    this.audit = audit;
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
    if (openPath(req.getRequestURI())) {
      chain.doFilter(req, res);
      return;
    }
    var result = authenticator.authenticate(req.getHeader("Authorization"));
    if (result instanceof BearerAuthenticator.Refused refused) {
      RefusalAudit.record(audit, req, refused, null);
      if (refused.challenge() != null) {
        res.setHeader("WWW-Authenticate", refused.challenge());
      }
      ErrorBodies.send(res, refused.status(), refused.message());
      return;
    }
    Caller caller = ((BearerAuthenticator.Accepted) result).caller();
    if (caller != null) {
      req.setAttribute(Caller.CONTEXT_KEY, caller);
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

  private static boolean openPath(String path) {
    return path.equals(HttpServer.HEALTH_PATH)
        || path.equals(ProtectedResourceServlet.PATH)
        || path.startsWith(ProtectedResourceServlet.PATH + "/");
  }
}

package io.devhost.server.http;

import io.devhost.core.Json;
import io.devhost.core.audit.AuditListener;
import io.devhost.server.auth.BearerAuthenticator;
import io.devhost.server.auth.Caller;
import io.devhost.server.mcp.RequestTagger;
import io.devhost.server.modern.Era;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Stands in front of the SDK's MCP servlets: bounds request bodies (413 before the SDK reads
 * anything), passes each JSON-RPC message through the {@link RequestTagger} (cancellation, as on
 * stdio), enforces the cap on open sessions, keeps a session (Streamable HTTP or legacy SSE) to the
 * caller that opened it, answers a call to a tool that writes by a caller without the write scope
 * with {@code 403 insufficient_scope} (so the client can ask for it), and cleans the SDK's error
 * bodies.
 */
final class McpRequestFilter extends HttpFilter {

  static final String SESSION_HEADER = "Mcp-Session-Id";
  static final String VERSION_HEADER = "MCP-Protocol-Version";

  /** The request attribute carrying the {@link Era} of a POST, for the {@link DualEraServlet}. */
  static final String ERA_ATTRIBUTE = "io.devhost/era";

  private final RequestTagger tagger;
  private final SessionLimiter sessions;
  private final int maxBodyBytes;
  private final InFlightRequests inFlight;
  private final Predicate<String> writesTool;
  private final BearerAuthenticator authenticator;
  private final AuditListener audit;

  /**
   * @param writesTool whether a tool name is a tool that writes
   */
  McpRequestFilter(
      RequestTagger tagger,
      SessionLimiter sessions,
      int maxBodyBytes,
      InFlightRequests inFlight,
      Predicate<String> writesTool,
      BearerAuthenticator authenticator,
      AuditListener audit) {
    this.tagger = tagger;
    this.sessions = sessions;
    this.maxBodyBytes = maxBodyBytes;
    this.inFlight = inFlight;
    this.writesTool = writesTool;
    this.authenticator = authenticator;
    this.audit = audit;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI();
    if (path.equals(HttpServer.SSE_PATH) && "GET".equals(req.getMethod())) {
      legacyStream(req, res, chain);
      return;
    }
    String sessionId =
        path.equals(HttpServer.MESSAGE_PATH)
            ? req.getParameter("sessionId")
            : req.getHeader(SESSION_HEADER);
    if (sessionId != null && !sessions.usableBy(sessionId, owner(req))) {
      // Answered like an unknown session: whose it is stays unsaid; the audit log keeps the try.
      RefusalAudit.sessionOfAnother(audit, transport(path), sessionId, owner(req));
      ErrorBodies.send(res, 404, "Session not found");
      return;
    }
    if ("POST".equals(req.getMethod())) {
      byte[] body = readBounded(req);
      if (body == null) {
        ErrorBodies.send(res, 413, "Request body larger than " + maxBodyBytes + " bytes");
        return;
      }
      Era era = path.equals(HttpServer.MCP_PATH) ? eraOf(req, body) : Era.LEGACY;
      req.setAttribute(ERA_ATTRIBUTE, era);
      if (era == Era.LEGACY
          && path.equals(HttpServer.MCP_PATH)
          && sessionId == null
          && sessions.full()) {
        ErrorBodies.send(res, 503, "Too many open sessions; close one or retry later");
        return;
      }
      if (req.getAttribute(Caller.CONTEXT_KEY) instanceof Caller caller && !caller.mayWrite()) {
        String tool = calledTool(body);
        if (tool != null && writesTool.test(tool)) {
          var refused = authenticator.writeScopeMissing(caller);
          RefusalAudit.record(audit, req, refused, tool);
          res.setHeader("WWW-Authenticate", refused.challenge());
          ErrorBodies.send(res, refused.status(), refused.message());
          return;
        }
      }
      // Modern requests are not tagged: they carry no session to scope a cancellation to.
      byte[] passed = era == Era.MODERN ? body : tagged(body, sessionId == null ? "" : sessionId);
      req = new BufferedBodyRequest(req, passed);
      inFlight.started();
      try {
        answer(req, res, chain, path, sessionId);
      } finally {
        if (req.isAsyncStarted()) {
          req.getAsyncContext().addListener(new OnEnd(inFlight::finished));
        } else {
          inFlight.finished();
        }
      }
      return;
    }
    answer(req, res, chain, path, sessionId);
  }

  private void answer(
      HttpServletRequest req,
      HttpServletResponse res,
      FilterChain chain,
      String path,
      String sessionId)
      throws IOException, ServletException {
    var sanitized = new SanitizedErrorResponse(res);
    chain.doFilter(req, sanitized);
    sanitized.finish();
    if (path.equals(HttpServer.MCP_PATH)) {
      track(req, res, sessionId);
    }
  }

  /**
   * The body with tool calls tagged for cancellation. A body the tagger rejects (not JSON-RPC, or a
   * batch) goes to the SDK unchanged, which answers it with an error that the sanitizing wrapper
   * keeps free of internals.
   */
  private byte[] tagged(byte[] body, String scope) {
    try {
      return tagger
          .tag(new String(body, StandardCharsets.UTF_8), scope)
          .getBytes(StandardCharsets.UTF_8);
    } catch (RequestTagger.InvalidMessage e) {
      return body;
    }
  }

  private void track(HttpServletRequest req, HttpServletResponse res, String sessionId) {
    String issued = res.getHeader(SESSION_HEADER);
    if (sessionId == null && issued != null && res.getStatus() == 200) {
      sessions.opened(issued, owner(req));
    } else if (sessionId != null) {
      boolean gone =
          res.getStatus() == 404 || ("DELETE".equals(req.getMethod()) && res.getStatus() < 300);
      if (gone) {
        sessions.closed(sessionId);
      } else {
        sessions.touched(sessionId);
      }
    }
  }

  /** The era of a POST to /mcp ({@link Era}). */
  private static Era eraOf(HttpServletRequest req, byte[] body) {
    return Era.ofMessage(new String(body, StandardCharsets.UTF_8), req.getHeader(VERSION_HEADER));
  }

  /** The tool a {@code tools/call} message names, or null for any other message. */
  private static String calledTool(byte[] body) {
    try {
      JsonNode message = Json.MAPPER.readTree(body);
      return "tools/call".equals(message.path("method").asString(null))
          ? message.path("params").path("name").asString(null)
          : null;
    } catch (JacksonException e) {
      return null; // the tagger and the SDK answer it
    }
  }

  private static String transport(String path) {
    return path.equals(HttpServer.MESSAGE_PATH) ? "sse" : "streamable-http";
  }

  /** The subject of the caller the access filter established, "" when there is none. */
  private static String owner(HttpServletRequest req) {
    return req.getAttribute(Caller.CONTEXT_KEY) instanceof Caller caller ? caller.subject() : "";
  }

  private void legacyStream(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!sessions.openSse()) {
      ErrorBodies.send(res, 503, "Too many open sessions; close one or retry later");
      return;
    }
    String owner = owner(req);
    var session = new java.util.concurrent.atomic.AtomicReference<String>();
    var capture =
        new SseSessionCapture(
            res,
            id -> {
              session.set(id);
              sessions.sseOpened(id, owner);
            });
    boolean handedOver = false;
    try {
      chain.doFilter(req, capture);
      if (req.isAsyncStarted()) {
        req.getAsyncContext().addListener(new OnEnd(() -> sessions.closeSse(session.get())));
        handedOver = true;
      }
    } finally {
      if (!handedOver) {
        sessions.closeSse(session.get());
      }
    }
  }

  /** Reads the body, or returns null as soon as it is known to be over the limit. */
  private byte[] readBounded(HttpServletRequest req) throws IOException {
    long declared = req.getContentLengthLong();
    if (declared > maxBodyBytes) {
      return null;
    }
    InputStream in = req.getInputStream();
    byte[] body = in.readNBytes(maxBodyBytes);
    if (body.length == maxBodyBytes && in.read() != -1) {
      return null;
    }
    return body;
  }

  /** Runs an action once when an async request ends, however it ends. */
  private static final class OnEnd implements AsyncListener {
    private final Runnable action;
    private boolean done;

    OnEnd(Runnable action) {
      this.action = action;
    }

    private synchronized void run() {
      if (!done) {
        done = true;
        action.run();
      }
    }

    @Override
    public void onComplete(AsyncEvent event) {
      run();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      run();
    }

    @Override
    public void onError(AsyncEvent event) {
      run();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this);
    }
  }
}

package io.devhost.server.http;

import io.devhost.core.audit.AuditListener;
import io.devhost.server.modern.Era;
import io.devhost.server.modern.ModernToolCalls;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tools.jackson.databind.JsonNode;

/**
 * The one Streamable HTTP endpoint, {@code /mcp}, for both protocol eras: each POST goes to the
 * 2025-era transport (initialize handshake, {@code Mcp-Session-Id}, GET stream, DELETE) or to the
 * 2026-07-28 stateless transport, by the {@link Era} the {@link McpRequestFilter} found from the
 * body and the {@code MCP-Protocol-Version} header. GET and DELETE belong to legacy sessions. A
 * modern request the modern transport refuses (header and {@code _meta} disagree, an unsupported
 * version, no {@code _meta}) gets the revision's error and leaves an audit record; nothing ran.
 */
final class DualEraServlet extends HttpServlet {

  private final HttpServlet legacy;
  private final HttpServlet modern;
  private final AuditListener audit;

  DualEraServlet(HttpServlet legacy, HttpServlet modern, AuditListener audit) {
    this.legacy = legacy;
    this.modern = modern;
    this.audit = audit;
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    super.init(config);
    legacy.init(config);
    modern.init(config);
  }

  @Override
  public void destroy() {
    legacy.destroy();
    modern.destroy();
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res)
      throws ServletException, IOException {
    if (req.getAttribute(McpRequestFilter.ERA_ATTRIBUTE) != Era.MODERN) {
      legacy.service(req, res);
      return;
    }
    var recorded = new ErrorRecordingResponse(res);
    modern.service(req, recorded);
    var error = recorded.error();
    if (error.isPresent() && !refusedState(error.get())) {
      ModernRefusalAudit.record(audit, req, error.get());
    }
  }

  /**
   * A refused {@code requestState} is audited where it was refused, with the reason the client is
   * not told (forged, expired, another caller's, …); a second, vaguer record would only blur it.
   */
  private static boolean refusedState(JsonNode error) {
    return ModernToolCalls.INVALID_STATE.equals(error.path("message").asString(""));
  }
}

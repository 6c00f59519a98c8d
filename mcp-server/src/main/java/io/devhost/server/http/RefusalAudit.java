package io.devhost.server.http;

import io.devhost.core.audit.AuditListener;
import io.devhost.core.audit.AuditRecord;
import io.devhost.server.auth.BearerAuthenticator;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;

/**
 * A request refused by the token or scope check, as an audit record: nothing ran, someone tried.
 */
final class RefusalAudit {

  private RefusalAudit() {}

  /**
   * @param tool the tool the request called, or null when it was refused before naming one
   */
  static void record(
      AuditListener audit,
      HttpServletRequest req,
      BearerAuthenticator.Refused refused,
      String tool) {
    audit.record(
        new AuditRecord(
            Instant.now(),
            "http",
            req.getHeader(McpRequestFilter.SESSION_HEADER),
            null,
            null,
            tool,
            Map.of(),
            refused.decision(),
            0,
            0,
            "DENIED",
            refused.caller(),
            null,
            null));
  }
}

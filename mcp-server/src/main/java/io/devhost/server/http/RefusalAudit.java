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

  /**
   * A request into a session another caller opened: refused as an unknown session, recorded with
   * the caller who tried.
   */
  static void sessionOfAnother(
      AuditListener audit, String transport, String session, String caller) {
    audit.record(
        new AuditRecord(
            Instant.now(),
            transport,
            session,
            null,
            null,
            null,
            Map.of(),
            "session_of_another_caller",
            0,
            0,
            "DENIED",
            caller,
            null,
            null));
  }
}

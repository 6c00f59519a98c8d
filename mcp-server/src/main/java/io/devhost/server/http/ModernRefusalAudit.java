package io.devhost.server.http;

import io.devhost.core.Json;
import io.devhost.core.audit.AuditListener;
import io.devhost.core.audit.AuditRecord;
import io.devhost.server.auth.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A 2026-07-28 request the protocol layer refused (header and {@code _meta} disagree, an
 * unsupported version, no {@code _meta}, an unknown method) as an audit record: nothing ran, and
 * the record says which request and why.
 */
final class ModernRefusalAudit {

  static final String DECISION = "protocol_refused";

  private ModernRefusalAudit() {}

  static void record(AuditListener audit, HttpServletRequest req, JsonNode error)
      throws IOException {
    JsonNode message = body(req);
    JsonNode params = message.path("params");
    JsonNode client = params.path("_meta").path("io.modelcontextprotocol/clientInfo");
    var details = new LinkedHashMap<String, Object>();
    details.put("method", message.path("method").asString(null));
    details.put("protocolVersion", req.getHeader(McpRequestFilter.VERSION_HEADER));
    details.put("error", error.path("code").asInt() + " " + error.path("message").asString(""));
    Caller caller = req.getAttribute(Caller.CONTEXT_KEY) instanceof Caller c ? c : null;
    audit.record(
        new AuditRecord(
            Instant.now(),
            "streamable-http",
            null,
            client.path("name").asString(null),
            client.path("version").asString(null),
            "tools/call".equals(details.get("method")) ? params.path("name").asString(null) : null,
            details,
            DECISION,
            0,
            0,
            "INVALID_ARGUMENT",
            caller == null ? Caller.LOCAL_NAME : caller.subject(),
            caller == null ? null : caller.clientId(),
            null));
  }

  private static JsonNode body(HttpServletRequest req) throws IOException {
    try {
      JsonNode node = Json.MAPPER.readTree(req.getInputStream());
      return node == null ? Json.MAPPER.createObjectNode() : node;
    } catch (JacksonException e) {
      return Json.MAPPER.createObjectNode();
    }
  }
}

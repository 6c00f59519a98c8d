package io.devhost.server.cli;

import io.devhost.bridge.planner.ToolCallListener;
import io.devhost.bridge.planner.ToolCallRecord;
import io.devhost.core.audit.ArgumentRedactor;
import io.devhost.core.audit.AuditRecord;
import io.devhost.core.audit.JsonlAuditLog;
import io.devhost.server.auth.Caller;
import java.util.Locale;

/**
 * Writes the bridge's tool calls to the server's audit log, in the server's format, so one file
 * (and {@code devhost audit tail}) shows every call whether a client or the local model made it.
 * The bridge module knows no server classes; this adapter is where the two meet.
 */
final class BridgeAuditLog implements ToolCallListener, AutoCloseable {

  private final JsonlAuditLog log;

  BridgeAuditLog(JsonlAuditLog log) {
    this.log = log;
  }

  @Override
  public void onToolCall(ToolCallRecord call) {
    String errorKind =
        !call.decision().allowed() ? "DENIED" : call.error() == null ? null : "TOOL_ERROR";
    log.record(
        new AuditRecord(
            call.time(),
            "bridge",
            "bridge:" + call.server(),
            "devhost-bridge",
            null,
            call.tool(),
            ArgumentRedactor.redact(call.arguments()),
            call.decision().name().toLowerCase(Locale.ROOT),
            call.durationMillis(),
            call.resultChars(),
            errorKind,
            Caller.LOCAL_NAME,
            null));
  }

  @Override
  public void close() {
    log.close();
  }
}

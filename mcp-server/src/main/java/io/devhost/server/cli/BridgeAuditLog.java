package io.devhost.server.cli;

import io.devhost.bridge.changes.ChangeJson;
import io.devhost.bridge.changes.ChangeReview;
import io.devhost.bridge.planner.ToolCallListener;
import io.devhost.bridge.planner.ToolCallRecord;
import io.devhost.core.audit.ArgumentRedactor;
import io.devhost.core.audit.AuditRecord;
import io.devhost.core.audit.JsonlAuditLog;
import io.devhost.server.auth.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
            null,
            digest(call.change())));
  }

  /** Largest diff kept whole in one audit line; its SHA-256 always covers all of it. */
  static final int MAX_DIFF_CHARS = 64 * 1024;

  /**
   * The reviewed change as the audit log keeps it: each diff with credentials masked (cut, and
   * saying so, past {@link #MAX_DIFF_CHARS}) and its SHA-256, and every finding.
   */
  static Map<String, Object> digest(ChangeReview review) {
    if (review == null) {
      return null;
    }
    Map<String, Object> digest = ChangeJson.of(review);
    for (Object c : (List<?>) digest.get("changes")) {
      @SuppressWarnings("unchecked")
      var change = (Map<String, Object>) c;
      String diff = (String) change.get("diff");
      String masked = ArgumentRedactor.mask(diff);
      change.put(
          "diff",
          masked.length() <= MAX_DIFF_CHARS
              ? masked
              : masked.substring(0, MAX_DIFF_CHARS)
                  + "\n[cut: "
                  + (masked.length() - MAX_DIFF_CHARS)
                  + " more characters; diffSha256 covers the whole diff]");
      change.put("diffSha256", sha256(diff));
    }
    return digest;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  @Override
  public void close() {
    log.close();
  }
}

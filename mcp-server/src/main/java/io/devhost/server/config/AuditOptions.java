package io.devhost.server.config;

import io.devhost.core.audit.JsonlAuditLog;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the audit log of tool calls goes ({@code serve} writes it, {@code audit tail} reads it).
 */
public final class AuditOptions {

  /** Rotated files kept beside the current one. */
  private static final int KEEP_ROTATED = 5;

  @Option(
      names = "--audit-log",
      paramLabel = "FILE",
      description =
          "Audit log of tool calls, one JSON line per call. Default: ~/.devhost/audit.jsonl.")
  Path auditLog;

  @Option(
      names = "--audit-max-bytes",
      paramLabel = "N",
      defaultValue = "10485760",
      description = "Rotate the audit log when it passes this size (default: ${DEFAULT-VALUE}).")
  long auditMaxBytes;

  public Path auditLog() {
    return auditLog != null
        ? auditLog
        : Path.of(System.getProperty("user.home"), ".devhost", "audit.jsonl");
  }

  public JsonlAuditLog open() {
    return new JsonlAuditLog(auditLog(), auditMaxBytes, KEEP_ROTATED);
  }
}

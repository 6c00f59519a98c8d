package io.devhost.server.config;

import io.devhost.core.audit.AuditListener;
import io.devhost.core.audit.AuditOutputs;
import io.devhost.core.audit.JsonlAuditLog;
import io.devhost.core.audit.JsonlAuditStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import picocli.CommandLine.Option;

/**
 * Where the audit log of tool calls goes ({@code serve} writes it, {@code audit tail} reads it),
 * and how a replica names itself in it.
 */
public final class AuditOptions {

  /** Rotated files kept beside the current one. */
  private static final int KEEP_ROTATED = 5;

  @Option(
      names = "--audit-log",
      paramLabel = "FILE",
      description =
          "Audit log of tool calls, one JSON line per call. Default: ~/.devhost/audit.jsonl."
              + " Several replicas may share one file (on a local file system).")
  Path auditLog;

  @Option(
      names = "--audit-max-bytes",
      paramLabel = "N",
      defaultValue = "10485760",
      description = "Rotate the audit log when it passes this size (default: ${DEFAULT-VALUE}).")
  long auditMaxBytes;

  @Option(
      names = "--audit-stdout",
      description =
          "Also write each audit record as a JSON line to stdout, for a log collector. Only for"
              + " serve --http without --stdio: with stdio, stdout carries the MCP messages.")
  boolean auditStdout;

  @Option(
      names = "--replica-id",
      paramLabel = "NAME",
      description =
          "This process's name in every audit record, telling replicas apart in a shared log"
              + " (default: the host name, which is the pod name in Kubernetes).")
  String replicaId;

  public Path auditLog() {
    return auditLog != null
        ? auditLog
        : Path.of(System.getProperty("user.home"), ".devhost", "audit.jsonl");
  }

  /**
   * The audit log of a command that prints on stdout itself ({@code call}, {@code demo}, the
   * bridge).
   *
   * @param stdoutUse what the command's stdout carries, for the refusal of {@code --audit-stdout}
   */
  public JsonlAuditLog open(String stdoutUse) {
    refuseStdout(stdoutUse);
    return new JsonlAuditLog(auditLog(), auditMaxBytes, KEEP_ROTATED, replica());
  }

  /**
   * The audit outputs of a server: the file, and stdout when asked for.
   *
   * @param stdoutUse what the command's stdout carries, or null when it is free for audit lines
   */
  public AuditOutputs openOutputs(String stdoutUse) {
    var outputs = new ArrayList<AuditListener>();
    outputs.add(open(stdoutUse));
    if (auditStdout) {
      outputs.add(new JsonlAuditStream(new FileOutputStream(FileDescriptor.out), replica()));
    }
    return new AuditOutputs(outputs);
  }

  private void refuseStdout(String stdoutUse) {
    if (auditStdout && stdoutUse != null) {
      throw new IllegalArgumentException(
          "--audit-stdout cannot be used here: stdout carries "
              + stdoutUse
              + ". Serve over HTTP only (serve --http, without --stdio) to audit on stdout, or"
              + " give several replicas one shared --audit-log file.");
    }
  }

  /** The name given, else the host name: a container's or pod's own, unique per replica. */
  String replica() {
    if (replicaId != null && !replicaId.isBlank()) {
      return replicaId;
    }
    String fromEnvironment = System.getenv("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}

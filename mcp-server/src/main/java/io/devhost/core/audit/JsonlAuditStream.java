package io.devhost.core.audit;

import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log as JSON lines on a stream, typically stdout, where a log collector (a container
 * runtime, Kubernetes, systemd's journal) gathers the records of every replica in one place. Each
 * line has the same fields as {@link JsonlAuditLog}'s and goes out in one write, flushed at once,
 * so a collector reading line by line never sees half a record or waits for a buffer to fill.
 *
 * <p>A failed write is logged and swallowed, as in {@link JsonlAuditLog}: losing an audit line must
 * not fail the user's call.
 */
public final class JsonlAuditStream implements AuditListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JsonlAuditStream.class);

  private final OutputStream out;
  private final String replica;

  /**
   * @param out unbuffered, so that each line is one write (for stdout: a {@code FileOutputStream}
   *     on {@code FileDescriptor.out}, not {@code System.out})
   * @param replica names this process in every line, or null for none
   */
  public JsonlAuditStream(OutputStream out, String replica) {
    this.out = out;
    this.replica = replica;
  }

  @Override
  public void record(AuditRecord record) {
    byte[] line = JsonlAuditLog.toLine(record, replica);
    synchronized (out) {
      try {
        out.write(line);
        out.flush();
      } catch (IOException e) {
        LOG.error("cannot write an audit line to the output stream: {}", e.getMessage());
      }
    }
  }

  @Override
  public void close() {
    synchronized (out) {
      try {
        out.flush();
      } catch (IOException e) {
        LOG.warn("flushing the audit output stream failed: {}", e.getMessage());
      }
    }
  }
}

package io.devhost.core.audit;

import io.devhost.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log as a file of JSON lines, one per call. Appends are serialized by one lock and each
 * line is written whole to a channel opened for append, so concurrent sessions never interleave
 * half-lines. The channel stays open between calls: opening the file per call cost more than the
 * rest of a cheap tool call. When the file passes {@code maxBytes} it is rotated: {@code
 * audit.jsonl} becomes {@code audit.jsonl.1}, {@code .1} becomes {@code .2}, and so on up to {@code
 * keep} old files.
 *
 * <p>An audit write that fails is logged and swallowed: losing an audit line must not fail the
 * user's call, and the failure is visible to the operator in the log.
 */
public final class JsonlAuditLog implements AuditListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JsonlAuditLog.class);

  private final Path file;
  private final long maxBytes;
  private final int keep;
  private final Object lock = new Object();
  private long size;
  private FileChannel channel;

  public JsonlAuditLog(Path file, long maxBytes, int keep) {
    if (maxBytes < 1024) {
      throw new IllegalArgumentException("audit log size limit must be at least 1024 bytes");
    }
    if (keep < 1) {
      throw new IllegalArgumentException("audit log must keep at least one rotated file");
    }
    this.file = file.toAbsolutePath();
    this.maxBytes = maxBytes;
    this.keep = keep;
    try {
      Path dir = this.file.getParent();
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        restrictToOwner(dir, "rwx------");
      }
      this.size = Files.exists(this.file) ? Files.size(this.file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open audit log " + this.file, e);
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public void record(AuditRecord record) {
    byte[] line = toLine(record);
    synchronized (lock) {
      try {
        if (size > 0 && size + line.length > maxBytes) {
          rotate();
        }
        if (channel == null) {
          channel = open();
        }
        var buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        size += line.length;
      } catch (IOException e) {
        LOG.error("cannot append to audit log {}: {}", file, e.getMessage());
        closeChannel();
      }
    }
  }

  private FileChannel open() throws IOException {
    boolean created = !Files.exists(file);
    var opened =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    if (created) {
      restrictToOwner(file, "rw-------");
    }
    return opened;
  }

  private void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.warn("closing audit log {} failed: {}", file, e.getMessage());
      }
      channel = null;
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      closeChannel();
    }
  }

  static byte[] toLine(AuditRecord r) {
    var m = new LinkedHashMap<String, Object>();
    m.put("time", r.time().toString());
    m.put("transport", r.transport());
    m.put("session", r.session());
    m.put("client", r.client());
    m.put("clientVersion", r.clientVersion());
    m.put("tool", r.tool());
    m.put("arguments", r.arguments() == null ? Map.of() : r.arguments());
    m.put("decision", r.decision());
    m.put("durationMs", r.durationMs());
    m.put("resultBytes", r.resultBytes());
    m.put("errorKind", r.errorKind());
    m.put("caller", r.caller());
    m.put("callerClient", r.callerClient());
    m.put("change", r.change());
    return (Json.MAPPER.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private void rotate() throws IOException {
    closeChannel();
    Files.deleteIfExists(rotated(keep));
    for (int i = keep - 1; i >= 1; i--) {
      if (Files.exists(rotated(i))) {
        Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
    size = 0;
  }

  private Path rotated(int index) {
    return file.resolveSibling(file.getFileName() + "." + index);
  }

  private static void restrictToOwner(Path path, String permissions) {
    try {
      Files.setPosixFilePermissions(path, Set.copyOf(PosixFilePermissions.fromString(permissions)));
    } catch (UnsupportedOperationException | IOException e) {
      // Not a POSIX file system: the directory's own permissions apply.
    }
  }
}

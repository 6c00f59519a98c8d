package io.devhost.core.audit;

import io.devhost.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log as a file of JSON lines, one per call. Appends are serialized by one lock and each
 * line is written whole, in one write, to a channel opened with {@code O_APPEND}, so concurrent
 * sessions never interleave half-lines; the same holds for several processes (replicas) appending
 * to one file on a local file system, where the kernel places each such write at the end as one
 * piece. The channel stays open between calls: opening the file per call cost more than the rest of
 * a cheap tool call. When the file passes {@code maxBytes} it is rotated: {@code audit.jsonl}
 * becomes {@code audit.jsonl.1}, {@code .1} becomes {@code .2}, and so on up to {@code keep} old
 * files.
 *
 * <p>Rotation is safe across processes sharing the file: the size checked is the file's own (all
 * writers' lines), one process rotates at a time under an exclusive lock on {@code
 * audit.jsonl.lock} and re-checks the size once it holds it, and every writer notices that the file
 * it has open was renamed and opens the new one before its next line. A line that another process
 * writes between the rename and its noticing lands at the end of {@code audit.jsonl.1}: in the
 * rotated file, not lost.
 *
 * <p>An audit write that fails is logged and swallowed: losing an audit line must not fail the
 * user's call, and the failure is visible to the operator in the log.
 */
public final class JsonlAuditLog implements AuditListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JsonlAuditLog.class);

  private final Path file;
  private final long maxBytes;
  private final int keep;
  private final String replica;
  private final Object lock = new Object();
  private FileChannel channel;
  private Object openedFileKey;

  /** File locks belong to the whole JVM: two logs of one file in one JVM take turns here first. */
  private static final Object ROTATION = new Object();

  public JsonlAuditLog(Path file, long maxBytes, int keep) {
    this(file, maxBytes, keep, null);
  }

  /**
   * @param replica names this process in every line (e.g. a host or pod name), so the lines of
   *     several replicas in one file or one log collector can be told apart; null for none
   */
  public JsonlAuditLog(Path file, long maxBytes, int keep, String replica) {
    if (maxBytes < 1024) {
      throw new IllegalArgumentException("audit log size limit must be at least 1024 bytes");
    }
    if (keep < 1) {
      throw new IllegalArgumentException("audit log must keep at least one rotated file");
    }
    this.file = file.toAbsolutePath();
    this.maxBytes = maxBytes;
    this.keep = keep;
    this.replica = replica;
    try {
      Path dir = this.file.getParent();
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        restrictToOwner(dir, "rwx------");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open audit log " + this.file, e);
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public void record(AuditRecord record) {
    byte[] line = toLine(record, replica);
    synchronized (lock) {
      try {
        if (channel == null || renamedSinceOpened()) {
          closeChannel();
          channel = open();
        }
        long size = channel.size();
        if (size > 0 && size + line.length > maxBytes) {
          rotate(line.length);
          closeChannel();
          channel = open();
        }
        var buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
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
    openedFileKey = fileKey();
    return opened;
  }

  /** Whether another process (or logrotate) moved the open file away from {@code file}. */
  private boolean renamedSinceOpened() throws IOException {
    Object key = fileKey();
    return key == null || !key.equals(openedFileKey);
  }

  private Object fileKey() throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (NoSuchFileException renamedAway) {
      return null;
    }
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

  /** One record as the line the log and {@link JsonlAuditStream} write. */
  static byte[] toLine(AuditRecord r, String replica) {
    var m = new LinkedHashMap<String, Object>();
    m.put("time", r.time().toString());
    if (replica != null) {
      m.put("replica", replica);
    }
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

  /**
   * Rotates unless another writer did while this one waited for the lock: the size is checked again
   * under it, on the file as it is now.
   */
  private void rotate(int incoming) throws IOException {
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    synchronized (ROTATION) {
      try (var lockChannel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          var held = lockChannel.lock()) {
        restrictToOwner(lockFile, "rw-------");
        long size = Files.exists(file) ? Files.size(file) : 0;
        if (size == 0 || size + incoming <= maxBytes) {
          return;
        }
        Files.deleteIfExists(rotated(keep));
        for (int i = keep - 1; i >= 1; i--) {
          if (Files.exists(rotated(i))) {
            Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
          }
        }
        Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
      }
    }
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

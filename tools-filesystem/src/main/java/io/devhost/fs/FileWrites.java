package io.devhost.fs;

import io.devhost.core.ToolException;
import io.devhost.fs.Sandbox.Target;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way file contents are replaced: checked against the size cap and, when asked, against the
 * SHA-256 the caller last saw, then written atomically in the verified parent directory.
 */
final class FileWrites {

  private FileWrites() {}

  /** What a read-modify-write starts from: the current bytes, or null when there is no file. */
  static byte[] current(Sandbox sandbox, VerifiedDir dir, Target t) throws IOException {
    BasicFileAttributes attrs = dir.attributes(t.name());
    if (attrs == null) {
      return null;
    }
    VerifiedDir.requireRegular(attrs, t.userPath());
    return dir.readAll(t.name(), t.userPath(), sandbox.maxReadBytes());
  }

  /** Refuses the write when the file is not the version the caller expects. */
  static void checkExpected(byte[] current, String expectedSha256, String userPath) {
    if (expectedSha256 == null) {
      return;
    }
    if (current == null) {
      throw new ToolException(
          ToolException.Kind.CONFLICT,
          userPath + " does not exist, but expectedSha256 was given. Omit it to create the file.");
    }
    String actual = sha256(current);
    if (!actual.equalsIgnoreCase(expectedSha256.strip())) {
      throw new ToolException(
          ToolException.Kind.CONFLICT,
          userPath
              + " changed since it was read (its SHA-256 is now "
              + actual
              + "). Read it again and redo the change; nothing was written.");
    }
  }

  static void checkSize(Sandbox sandbox, long bytes, String userPath) {
    if (bytes > sandbox.maxWriteBytes()) {
      throw new ToolException(
          ToolException.Kind.TOO_LARGE,
          "Refused to write "
              + bytes
              + " bytes to "
              + userPath
              + ": the limit is "
              + sandbox.maxWriteBytes()
              + " bytes. Nothing was written; split the content or raise --max-write-bytes.");
    }
  }

  /** Replaces the file with {@code content} atomically; the old file stays on any failure. */
  static void replace(VerifiedDir dir, Target t, byte[] content) throws IOException {
    dir.writeAtomically(
        t.name(),
        null,
        out -> {
          ByteBuffer buf = ByteBuffer.wrap(content);
          while (buf.hasRemaining()) {
            out.write(buf);
          }
        });
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

package io.devhost.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One reusable buffer for the files a search reads, so scanning twenty thousand files allocates for
 * the largest one, not for each. Files are read whole: source files are small, and the size cap
 * keeps a huge one from being loaded.
 */
final class FileBuffer {

  private final long maxBytes;
  private byte[] bytes = new byte[64 * 1024];
  private int length;
  private String latin1;
  private String utf8;

  FileBuffer(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Loads a regular file; false when it is binary (NUL bytes near the start) or unreadable. */
  boolean load(VerifiedDir dir, Path name, long size) {
    latin1 = null;
    utf8 = null;
    length = 0;
    if (size > bytes.length) {
      bytes = new byte[(int) Math.min(maxBytes, Math.max(size, bytes.length * 2L))];
    }
    try (FileChannel ch = dir.openRegular(name)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining() && ch.read(buf) > 0) {
        // a file that grew since it was listed is read up to the buffer's size
      }
      length = buf.position();
    } catch (IOException | RuntimeException e) {
      return false;
    }
    return !TextFiles.hasNul(bytes, Math.min(length, TextFiles.SNIFF_BYTES));
  }

  /** The bytes one char each: byte offsets equal char offsets, and copying it is a memcpy. */
  String latin1() {
    if (latin1 == null) {
      latin1 = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
    return latin1;
  }

  /** The text decoded as UTF-8, malformed bytes replaced. */
  String utf8() {
    if (utf8 == null) {
      utf8 = new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
    return utf8;
  }
}

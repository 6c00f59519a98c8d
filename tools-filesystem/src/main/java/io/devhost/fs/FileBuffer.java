package io.devhost.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * A reusable buffer for the files a search reads, one per search thread, so scanning twenty
 * thousand files allocates for the largest one, not for each. Files are read whole (callers skip
 * files over the sandbox's read cap); a buffer grown past 1 MiB for a large file is dropped after
 * it, so an idle search thread holds at most that.
 */
final class FileBuffer {

  private static final int INITIAL = 64 * 1024;
  private static final int KEEP = 1024 * 1024;

  private byte[] bytes = new byte[INITIAL];
  private int length;
  private String latin1;
  private String utf8;

  /**
   * Reads an open regular file of (about) {@code size} bytes; false when it is binary (has a NUL
   * byte) or unreadable.
   */
  boolean load(FileChannel ch, long size) {
    latin1 = null;
    utf8 = null;
    length = 0;
    if (bytes.length > KEEP && size <= INITIAL) {
      bytes = new byte[INITIAL];
    }
    if (size >= bytes.length) {
      bytes = new byte[(int) size + 1];
    }
    try {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      // Stop at the listed size: one read call for a small file instead of a second one for EOF.
      while (buf.position() < size && ch.read(buf) > 0) {
        // a file that grew since it was listed is read up to the buffer's size
      }
      length = buf.position();
    } catch (IOException e) {
      return false;
    }
    // String.indexOf is a vectorized intrinsic; a byte loop over each file was the hottest frame.
    return latin1().indexOf(0) < 0;
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

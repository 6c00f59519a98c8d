package io.devhost.fs;

import io.devhost.core.ToolException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/** How a file's bytes become text: byte-order marks, the binary check, and the fallback charset. */
final class TextFiles {

  static final int SNIFF_BYTES = 8192;

  /** What files that are not valid UTF-8 are decoded with: the usual legacy encoding of text. */
  static final Charset FALLBACK = Charset.forName("windows-1252");

  /** The charset to decode with and how many bytes of byte-order mark to skip. */
  record Encoding(Charset charset, int bomBytes, boolean detected) {}

  private TextFiles() {}

  /** The charset a user named, or a clear error. */
  static Charset charsetNamed(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw ToolException.invalid(
          "Unknown encoding '"
              + name
              + "'. Use a name such as UTF-8, UTF-16LE, windows-1252 or ISO-8859-1.");
    }
  }

  /**
   * Detects the encoding from the first bytes: a byte-order mark wins; NUL bytes without one mean
   * binary and are refused; otherwise UTF-8 (a caller falls back if decoding fails).
   */
  static Encoding detect(FileChannel ch, String userPath) throws IOException {
    ByteBuffer sniff = ByteBuffer.allocate(SNIFF_BYTES);
    ch.read(sniff, 0);
    int n = sniff.position();
    byte[] b = sniff.array();
    if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return new Encoding(StandardCharsets.UTF_8, 3, true);
    }
    if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return new Encoding(StandardCharsets.UTF_16LE, 2, true);
    }
    if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return new Encoding(StandardCharsets.UTF_16BE, 2, true);
    }
    if (hasNul(b, n)) {
      throw ToolException.invalid(
          userPath
              + " looks binary (it contains NUL bytes); use read_media_file for images and audio.");
    }
    return new Encoding(StandardCharsets.UTF_8, 0, false);
  }

  static boolean hasNul(byte[] b, int n) {
    for (int i = 0; i < n; i++) {
      if (b[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * A reader from the start of the text. {@code strict} reports malformed input (to detect that a
   * fallback is needed); otherwise malformed bytes become U+FFFD.
   */
  static Reader reader(FileChannel ch, Charset charset, int skip, boolean strict)
      throws IOException {
    ch.position(skip);
    CodingErrorAction action = strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
    var decoder = charset.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
    return new InputStreamReader(Channels.newInputStream(ch), decoder);
  }
}

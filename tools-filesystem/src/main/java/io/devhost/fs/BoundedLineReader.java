package io.devhost.fs;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines without ever holding more than {@code maxLineChars} of one line, so a minified file
 * with a single 500 MB line costs no more memory than a short one.
 */
final class BoundedLineReader {

  /** One line, possibly cut. {@code cut} is true when characters were dropped from its end. */
  record Line(String text, boolean cut) {}

  private final Reader in;
  private final int maxLineChars;
  private final char[] buf = new char[8192];
  private int pos;
  private int len;
  private boolean eof;

  BoundedLineReader(Reader in, int maxLineChars) {
    this.in = in;
    this.maxLineChars = maxLineChars;
  }

  /** The next line without its terminator, or null at the end of input. */
  Line next() throws IOException {
    var sb = new StringBuilder();
    boolean cut = false;
    boolean any = false;
    while (true) {
      if (pos == len) {
        if (eof || !fill()) {
          return any ? new Line(sb.toString(), cut) : null;
        }
      }
      any = true;
      char c = buf[pos++];
      if (c == '\n') {
        return new Line(stripCr(sb), cut);
      }
      if (sb.length() < maxLineChars) {
        sb.append(c);
      } else {
        cut = true;
      }
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      eof = true;
      return false;
    }
    pos = 0;
    len = n;
    return true;
  }

  private static String stripCr(StringBuilder sb) {
    int n = sb.length();
    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
  }
}

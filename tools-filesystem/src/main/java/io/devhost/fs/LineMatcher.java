package io.devhost.fs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the lines of a file that match, the way grep reports them: one result per line, with
 * context. An ASCII pattern (and any case-sensitive literal, compared as UTF-8 bytes) is matched
 * against the file's bytes seen as Latin-1, which skips decoding every file; only the lines
 * reported are decoded as UTF-8.
 */
final class LineMatcher {

  static final int MAX_LINE_CHARS = 500;

  private final String literal;
  private final Pattern pattern;
  private final boolean onBytes;
  private final int context;

  /** {@code pattern} null means a case-sensitive literal search for {@code text}. */
  LineMatcher(String text, Pattern pattern, int context) {
    this.pattern = pattern;
    this.context = context;
    this.onBytes = pattern == null || isAscii(text);
    this.literal =
        pattern == null
            ? new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
            : null;
  }

  /**
   * Adds up to {@code room} matching lines after skipping the first {@code skip}.
   *
   * @return true when a further matching line exists beyond {@code room} (the page is full)
   */
  boolean scan(FileBuffer file, String path, int skip, int room, List<SearchContent.Match> out) {
    String text = onBytes ? file.latin1() : file.utf8();
    Matcher m = pattern == null ? null : pattern.matcher(text);
    int from = 0;
    int lineNo = 1;
    int counted = 0;
    int toSkip = skip;
    int added = 0;
    while (from <= text.length()) {
      int at = m == null ? text.indexOf(literal, from) : (m.find(from) ? m.start() : -1);
      if (at < 0) {
        return false;
      }
      lineNo += countNewlines(text, counted, at);
      int start = text.lastIndexOf('\n', at - 1) + 1;
      int end = text.indexOf('\n', at);
      if (end < 0) {
        end = text.length();
      }
      counted = start;
      if (toSkip > 0) {
        toSkip--;
      } else if (added == room) {
        return true;
      } else {
        out.add(match(text, path, lineNo, start, end));
        added++;
      }
      from = end + 1;
    }
    return false;
  }

  private SearchContent.Match match(String text, String path, int lineNo, int start, int end) {
    List<String> before = null;
    List<String> after = null;
    if (context > 0) {
      before = new ArrayList<>();
      int s = start;
      for (int i = 0; i < context && s > 0; i++) {
        int prevStart = text.lastIndexOf('\n', s - 2) + 1;
        before.add(0, line(text, prevStart, s - 1));
        s = prevStart;
      }
      after = new ArrayList<>();
      int e = end;
      for (int i = 0; i < context && e < text.length(); i++) {
        int nextEnd = text.indexOf('\n', e + 1);
        if (nextEnd < 0) {
          nextEnd = text.length();
        }
        after.add(line(text, e + 1, nextEnd));
        e = nextEnd;
      }
    }
    return new SearchContent.Match(path, lineNo, line(text, start, end), before, after);
  }

  private String line(String text, int start, int end) {
    int e = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
    String raw = text.substring(start, Math.min(e, start + MAX_LINE_CHARS * 4));
    String decoded =
        onBytes
            ? new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
            : raw;
    return decoded.length() > MAX_LINE_CHARS
        ? decoded.substring(0, MAX_LINE_CHARS) + " …"
        : decoded;
  }

  private static int countNewlines(String text, int from, int to) {
    int n = 0;
    for (int i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
      n++;
    }
    return n;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}

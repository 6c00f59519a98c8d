package io.devhost.bridge.changes;

import io.devhost.bridge.host.UserConsole;
import java.util.List;

/**
 * Shows a diff at the approval prompt a page at a time, so a long change is read, not cut: Enter
 * shows the next page; any other answer ends the paging and is the answer.
 */
public final class ChangePager {

  static final int PAGE_LINES = 60;

  private ChangePager() {}

  /** Asks {@code question} after {@code header} and the diff; the typed answer, or null. */
  public static String ask(UserConsole console, String header, String diff, String question) {
    List<String> lines = visible(diff).lines().toList();
    String lead = visible(header) + "\n";
    if (lines.size() <= PAGE_LINES) {
      return console.ask(lead + String.join("\n", lines) + "\n" + question);
    }
    for (int from = 0; from < lines.size(); from += PAGE_LINES) {
      int to = Math.min(lines.size(), from + PAGE_LINES);
      String page = lead + String.join("\n", lines.subList(from, to)) + "\n";
      lead = "";
      if (to == lines.size()) {
        return console.ask(
            page + "-- end of the diff (" + lines.size() + " lines) --\n" + question);
      }
      String answer =
          console.ask(
              page
                  + "-- lines "
                  + (from + 1)
                  + "-"
                  + to
                  + " of "
                  + lines.size()
                  + ": [Enter] next page, or answer now. "
                  + question);
      if (answer == null || !answer.isBlank()) {
        return answer;
      }
    }
    return null;
  }

  /**
   * The diff with control, bidirectional and zero-width characters shown as {@code \\uXXXX}: the
   * model wrote it, and an escape sequence or a direction override could hide a line from the
   * person who approves it.
   */
  static String visible(String text) {
    var sb = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              boolean hidden =
                  (c < 0x20 && c != '\n' && c != '\t')
                      || c == 0x7f
                      || (c >= 0x80 && c < 0xa0)
                      || (c >= 0x200b && c <= 0x200f)
                      || (c >= 0x202a && c <= 0x202e)
                      || (c >= 0x2066 && c <= 0x2069)
                      || c == 0xfeff;
              if (hidden) {
                sb.append(String.format("\\u%04x", c));
              } else {
                sb.appendCodePoint(c);
              }
            });
    return sb.toString();
  }
}

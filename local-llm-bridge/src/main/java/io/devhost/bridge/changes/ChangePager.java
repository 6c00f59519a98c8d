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
    List<String> lines = diff.lines().toList();
    if (lines.size() <= PAGE_LINES) {
      return console.ask(
          header + "\n" + diff + (diff.endsWith("\n") || diff.isEmpty() ? "" : "\n") + question);
    }
    String lead = header + "\n";
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
}

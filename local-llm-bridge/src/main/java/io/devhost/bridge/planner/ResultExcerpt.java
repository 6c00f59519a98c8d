package io.devhost.bridge.planner;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the model sees of the latest tool result when it does not fit its budget: the head and the
 * tail with a marked elision between them, whose offsets {@code ledger_read} takes to show the
 * middle. A call that asked for the end of something ({@code tail}, the last page, a negative
 * offset) is shown its end only: answering it with the beginning would hide exactly what was asked
 * (the error line at the bottom of a log).
 */
final class ResultExcerpt {

  /** Share of the budget given to the head when the call did not ask for the end. */
  private static final double HEAD_SHARE = 0.4;

  private static final Pattern END_NAMES =
      Pattern.compile("(?i)tail|last|last_?(n|lines|count|page)|from_?end|reverse|newest_?first");
  private static final Pattern POSITION_NAMES =
      Pattern.compile("(?i).*(offset|start|line|page|index|from|skip).*");

  private ResultExcerpt() {}

  /**
   * The text as shown: whole when it fits, else head and tail (or the tail alone) with a marker.
   */
  static String of(String text, int budget, boolean endWanted, int entry) {
    if (text.length() <= budget) {
      return text;
    }
    int head = endWanted ? 0 : (int) (budget * HEAD_SHARE);
    int tailStart = text.length() - (budget - head);
    // cut at line ends where one is near, so neither part starts or ends mid-line
    head = lineEnd(text, head);
    tailStart = Math.max(head, lineStart(text, tailStart));
    String marker =
        "[… "
            + (tailStart - head)
            + " characters elided (offsets "
            + head
            + " to "
            + tailStart
            + "); "
            + Ledger.READ_TOOL
            + " {\"entry\": "
            + entry
            + ", \"offset\": "
            + head
            + "} shows them …]";
    return text.substring(0, head)
        + (head == 0 ? "" : "\n")
        + marker
        + "\n"
        + text.substring(tailStart);
  }

  /**
   * Whether the call asked for the end of something: an argument named like {@code tail} or {@code
   * last} with a value, a negative position, or a value {@code "last"}/{@code "end"}/{@code
   * "tail"}.
   */
  static boolean asksForTheEnd(Map<String, Object> arguments) {
    for (var e : arguments.entrySet()) {
      Object v = e.getValue();
      if (END_NAMES.matcher(e.getKey()).matches() && present(v)) {
        return true;
      }
      if (v instanceof Number n
          && n.doubleValue() < 0
          && POSITION_NAMES.matcher(e.getKey()).matches()) {
        return true;
      }
      if (v instanceof String s
          && Map.of("last", 1, "end", 1, "tail", 1)
              .containsKey(s.strip().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean present(Object v) {
    return v instanceof Boolean b
        ? b
        : v instanceof Number n ? n.doubleValue() != 0 : v != null && !"".equals(v);
  }

  private static int lineEnd(String text, int at) {
    if (at == 0) {
      return 0;
    }
    int nl = text.lastIndexOf('\n', at);
    return nl > at * 3 / 4 ? nl + 1 : at;
  }

  private static int lineStart(String text, int at) {
    int nl = text.indexOf('\n', at);
    return nl >= 0 && nl - at < 200 ? nl + 1 : at;
  }
}

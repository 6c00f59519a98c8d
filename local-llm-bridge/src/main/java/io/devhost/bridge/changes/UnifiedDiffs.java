package io.devhost.bridge.changes;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Unified diffs: made from two texts with java-diff-utils (Myers), and read back into hunks,
 * whether they came from here or from a server's dry run, so the rules see one shape.
 */
public final class UnifiedDiffs {

  private static final Pattern HUNK_HEADER =
      Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@.*");
  private static final int CONTEXT = 3;

  private UnifiedDiffs() {}

  /** The diff that turns {@code before} into {@code after}; empty when they are equal. */
  public static String of(String path, String before, String after) {
    List<String> original = lines(before);
    List<String> revised = lines(after);
    var patch = DiffUtils.diff(original, revised);
    if (patch.getDeltas().isEmpty()) {
      return "";
    }
    String from = before.isEmpty() ? "/dev/null" : "a/" + path;
    return String.join(
            "\n", UnifiedDiffUtils.generateUnifiedDiff(from, "b/" + path, original, patch, CONTEXT))
        + "\n";
  }

  /** A text that is all new: every line added (new files, SQL, other writes). */
  public static String allAdded(String label, String text) {
    List<String> lines = lines(text);
    var sb = new StringBuilder("--- /dev/null\n+++ b/" + label + "\n");
    sb.append("@@ -0,0 +1,").append(lines.size()).append(" @@\n");
    lines.forEach(l -> sb.append('+').append(l).append('\n'));
    return sb.toString();
  }

  /** The hunks of a unified diff; lines outside hunks (headers) are skipped. */
  public static List<Hunk> parse(String diff) {
    var hunks = new ArrayList<Hunk>();
    List<Hunk.Line> lines = null;
    List<String> removed = null;
    int next = 0;
    for (String line : diff.split("\n", -1)) {
      Matcher header = HUNK_HEADER.matcher(line);
      if (header.matches()) {
        if (lines != null) {
          hunks.add(new Hunk(lines, removed));
        }
        lines = new ArrayList<>();
        removed = new ArrayList<>();
        next = Math.max(1, Integer.parseInt(header.group(1)));
      } else if (lines != null && !line.isEmpty()) {
        switch (line.charAt(0)) {
          case '+' -> lines.add(new Hunk.Line(next++, line.substring(1), true));
          case '-' -> removed.add(line.substring(1));
          case ' ' -> lines.add(new Hunk.Line(next++, line.substring(1), false));
          default -> {} // "\ No newline at end of file"
        }
      }
    }
    if (lines != null) {
      hunks.add(new Hunk(lines, removed));
    }
    return hunks;
  }

  static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return List.of(t.split("\r?\n", -1));
  }
}

package io.devhost.bridge.changes;

import java.util.List;

/**
 * One hunk of a unified diff: the new side's lines (context and added, in order) and the lines it
 * removes. Rules look at added lines, with the hunk's new side as their context.
 *
 * @param lines the new side of the hunk, context and added lines in file order
 * @param removed the lines the hunk removes
 */
public record Hunk(List<Line> lines, List<String> removed) {

  /**
   * A line of the new side.
   *
   * @param number its line number in the new file (1-based)
   * @param added true for a line the change adds, false for unchanged context
   */
  public record Line(int number, String text, boolean added) {}

  public Hunk {
    lines = List.copyOf(lines);
    removed = List.copyOf(removed);
  }

  public List<Line> added() {
    return lines.stream().filter(Line::added).toList();
  }

  /** The new-side text within {@code radius} lines of {@code index}: a rule's context. */
  String around(int index, int radius) {
    var sb = new StringBuilder();
    for (int i = Math.max(0, index - radius);
        i <= Math.min(lines.size() - 1, index + radius);
        i++) {
      sb.append(lines.get(i).text()).append('\n');
    }
    return sb.toString();
  }
}

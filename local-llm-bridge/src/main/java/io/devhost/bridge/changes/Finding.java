package io.devhost.bridge.changes;

/**
 * One thing the change monitor found in a proposed change.
 *
 * @param category the rule's category, e.g. {@code credentials}
 * @param rule the rule's id
 * @param file the changed file (or {@code SQL}, or the tool)
 * @param line the line in the new file; 0 when the finding is about the whole change
 * @param reason what a reviewer should check, in one line
 * @param excerpt the line that matched, shortened
 */
public record Finding(
    String category, String rule, String file, int line, String reason, String excerpt) {

  /** {@code [category/rule] file:line: reason}, as the prompt and the model are told. */
  public String describe() {
    return "["
        + category
        + "/"
        + rule
        + "] "
        + file
        + (line > 0 ? ":" + line : "")
        + ": "
        + reason
        + (excerpt.isEmpty() ? "" : " (" + excerpt + ")");
  }
}

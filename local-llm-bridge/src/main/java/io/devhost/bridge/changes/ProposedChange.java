package io.devhost.bridge.changes;

import java.util.List;

/**
 * A write the model proposed, as the reviewer sees it before it runs.
 *
 * @param target what the write changes: a file path, {@code SQL}, or the tool's name
 * @param kind what sort of write it is; decides which rules apply
 * @param diff the change as a unified diff (for SQL and other writes: their text as added lines)
 * @param hunks the diff, parsed; what the rules look at
 * @param problem why no diff could be made (binary file, unreadable target, too large); null when
 *     the diff is complete. A change with a problem is flagged: it is never written unread.
 */
public record ProposedChange(
    String server,
    String tool,
    String target,
    Kind kind,
    String diff,
    List<Hunk> hunks,
    String problem) {

  /** Which rules apply: file rules look at code and paths, SQL rules at statements. */
  public enum Kind {
    FILE,
    SQL,
    OTHER
  }

  public ProposedChange {
    hunks = List.copyOf(hunks);
  }

  /** A change given as a unified diff, parsed for the rules. */
  public static ProposedChange ofDiff(
      String server, String tool, String target, Kind kind, String diff) {
    return new ProposedChange(server, tool, target, kind, diff, UnifiedDiffs.parse(diff), null);
  }

  static ProposedChange unreviewable(
      String server, String tool, String target, Kind kind, String problem) {
    return new ProposedChange(server, tool, target, kind, "", List.of(), problem);
  }

  /** Lines the change adds, over all hunks. */
  public int addedLines() {
    return hunks.stream().mapToInt(h -> h.added().size()).sum();
  }

  public int removedLines() {
    return hunks.stream().mapToInt(h -> h.removed().size()).sum();
  }
}

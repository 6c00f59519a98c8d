package io.devhost.bridge.changes;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One rule of the change monitor, as read from a rule file. Patterns are RE2/J: they run in linear
 * time, so a rule file cannot make the monitor hang on a crafted line.
 *
 * <p>A rule with neither {@code added} nor {@code removed} flags every change to a matching path.
 * Otherwise it flags each added line that matches {@code added} (unless it matches {@code unless},
 * and only where {@code near} matches the surrounding new lines or the path, and {@code unlessNear}
 * does not match those lines: a WHERE on the next line belongs to the same statement), and each
 * removed line that matches {@code removed}. With {@code newEntries}, an added line whose key
 * (group 1) is also the key of a removed line is an edit of an existing entry (a version bump), not
 * a new one.
 */
public record Rule(
    String id,
    String category,
    String reason,
    Set<ProposedChange.Kind> kinds,
    Pattern path,
    Pattern pathUnless,
    Pattern added,
    Pattern unless,
    Pattern near,
    Pattern unlessNear,
    Pattern removed,
    Pattern newEntries) {

  /** How many lines around an added line count as its context for {@code near}. */
  static final int NEAR_LINES = 6;

  /** More findings than this per rule and change add nothing a reviewer needs. */
  static final int MAX_FINDINGS = 5;

  List<Finding> findings(ProposedChange change) {
    if (!kinds.contains(change.kind())
        || (path != null && !path.matcher(change.target()).find())
        || (pathUnless != null && pathUnless.matcher(change.target()).find())) {
      return List.of();
    }
    if (added == null && removed == null) {
      return List.of(finding(change, 0, ""));
    }
    var found = new ArrayList<Finding>();
    for (Hunk hunk : change.hunks()) {
      Set<String> removedKeys = keys(hunk.removed());
      for (int i = 0; i < hunk.lines().size() && found.size() < MAX_FINDINGS; i++) {
        Hunk.Line line = hunk.lines().get(i);
        if (line.added() && flagsAdded(change, hunk, i, removedKeys)) {
          found.add(finding(change, line.number(), line.text()));
        }
      }
      if (removed != null) {
        int at = hunk.lines().isEmpty() ? 0 : hunk.lines().get(0).number();
        for (String r : hunk.removed()) {
          if (found.size() < MAX_FINDINGS && removed.matcher(r).find()) {
            found.add(finding(change, at, "removed: " + r));
          }
        }
      }
    }
    return found;
  }

  private boolean flagsAdded(ProposedChange change, Hunk hunk, int index, Set<String> removedKeys) {
    if (added == null) {
      return false;
    }
    String text = hunk.lines().get(index).text();
    if (!added.matcher(text).find() || (unless != null && unless.matcher(text).find())) {
      return false;
    }
    if (near != null
        && !near.matcher(change.target()).find()
        && !near.matcher(hunk.around(index, NEAR_LINES)).find()) {
      return false;
    }
    if (unlessNear != null && unlessNear.matcher(hunk.around(index, NEAR_LINES)).find()) {
      return false;
    }
    return newEntries == null || !removedKeys.contains(key(text));
  }

  private Set<String> keys(List<String> lines) {
    var keys = new HashSet<String>();
    if (newEntries != null) {
      lines.forEach(l -> keys.add(key(l)));
    }
    return keys;
  }

  private String key(String line) {
    var m = newEntries.matcher(line);
    return m.find() && m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : line.strip();
  }

  private Finding finding(ProposedChange change, int line, String text) {
    String excerpt = text.strip();
    if (excerpt.length() > 120) {
      excerpt = excerpt.substring(0, 117) + "...";
    }
    return new Finding(category, id, change.target(), line, reason, excerpt);
  }
}

package io.devhost.bridge.changes;

import java.util.List;

/**
 * What a reviewer sees of one proposed write: the changes it makes and what the monitor found.
 *
 * @param changes one per file (several for a multi-file push), or the statement or arguments
 */
public record ChangeReview(List<ProposedChange> changes, List<Finding> findings) {

  public ChangeReview {
    changes = List.copyOf(changes);
    findings = List.copyOf(findings);
  }

  /** A flagged change is never approved by a policy alone. */
  public boolean flagged() {
    return !findings.isEmpty();
  }

  /** All diffs, one after the other. */
  public String diff() {
    var sb = new StringBuilder();
    changes.forEach(
        c ->
            sb.append(
                c.problem() == null ? c.diff() : "(" + c.target() + ": " + c.problem() + ")\n"));
    return sb.toString();
  }

  /** The findings, one per line. */
  public String reasons() {
    return String.join("\n", findings.stream().map(Finding::describe).toList());
  }
}

package io.devhost.bridge.changes;

import java.util.ArrayList;
import java.util.List;

/**
 * Screens a proposed change with the rules. A change whose diff could not be made is a finding in
 * itself: what cannot be shown to a reviewer is not written on a policy's say-so.
 */
public final class ChangeMonitor {

  public static final String UNREVIEWABLE = "unreviewable";

  private final RuleSet rules;

  public ChangeMonitor(RuleSet rules) {
    this.rules = rules;
  }

  public List<Finding> screen(ProposedChange change) {
    if (change.problem() != null) {
      return List.of(
          new Finding(UNREVIEWABLE, "no-diff", change.target(), 0, change.problem(), ""));
    }
    var findings = new ArrayList<Finding>();
    for (Rule rule : rules.rules()) {
      findings.addAll(rule.findings(change));
    }
    return findings;
  }
}

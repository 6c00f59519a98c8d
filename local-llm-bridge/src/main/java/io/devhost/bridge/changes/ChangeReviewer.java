package io.devhost.bridge.changes;

import io.devhost.bridge.host.HostTool;
import io.devhost.bridge.host.ToolHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Previews a proposed write and screens it: the one collaborator the planner asks. */
public final class ChangeReviewer {

  private final ChangePreview preview;
  private final ChangeMonitor monitor;

  public ChangeReviewer(ToolHost host, RuleSet rules) {
    this.preview = new ChangePreview(host);
    this.monitor = new ChangeMonitor(rules);
  }

  public ChangeReview review(HostTool tool, Map<String, Object> arguments) {
    List<ProposedChange> changes = preview.of(tool, arguments);
    var findings = new ArrayList<Finding>();
    changes.forEach(c -> findings.addAll(monitor.screen(c)));
    return new ChangeReview(changes, findings);
  }
}

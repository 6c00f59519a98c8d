package io.devhost.bridge.changes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A reviewed change as plain maps, for the {@code --json} transcript and the audit log. */
public final class ChangeJson {

  private ChangeJson() {}

  public static Map<String, Object> of(ChangeReview review) {
    var root = new LinkedHashMap<String, Object>();
    root.put("flagged", review.flagged());
    var changes = new ArrayList<Map<String, Object>>();
    for (ProposedChange c : review.changes()) {
      var change = new LinkedHashMap<String, Object>();
      change.put("target", c.target());
      change.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
      change.put("added", c.addedLines());
      change.put("removed", c.removedLines());
      change.put("diff", c.diff());
      if (c.problem() != null) {
        change.put("problem", c.problem());
      }
      changes.add(change);
    }
    root.put("changes", changes);
    root.put("findings", findings(review.findings()));
    return root;
  }

  static List<Map<String, Object>> findings(List<Finding> findings) {
    var out = new ArrayList<Map<String, Object>>();
    for (Finding f : findings) {
      var m = new LinkedHashMap<String, Object>();
      m.put("category", f.category());
      m.put("rule", f.rule());
      m.put("file", f.file());
      m.put("line", f.line());
      m.put("reason", f.reason());
      out.add(m);
    }
    return out;
  }
}

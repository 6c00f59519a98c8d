package io.devhost.server.policy;

import io.devhost.core.Globs;
import io.devhost.server.mcp.ToolCatalog;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which tools exist for clients: the one inventory filter every toolset goes through, decided on
 * what each tool says about itself in its {@code ToolSpec}. Read-only mode first (it always wins);
 * then the write switches: a tool that writes names the switch that gates it ({@code fs-write},
 * {@code db-read-write}, ...) and is listed only while that switch is on; then the allow list, then
 * the deny list ({@code --exclude-tools}). A tool that is not visible is neither listed nor
 * callable, because the {@link ToolCatalog} built from this is all the server knows.
 *
 * @param writeSwitchesOn the write switches that are on, as the toolset providers report them
 */
public record ToolVisibility(
    boolean readOnly, Set<String> writeSwitchesOn, List<String> allowGlobs, List<String> denyGlobs)
    implements Predicate<ToolCatalog.Entry> {

  public ToolVisibility {
    writeSwitchesOn = Set.copyOf(writeSwitchesOn);
    allowGlobs = List.copyOf(allowGlobs);
    denyGlobs = List.copyOf(denyGlobs);
  }

  @Override
  public boolean test(ToolCatalog.Entry entry) {
    var spec = entry.spec();
    if (spec.writes() && (readOnly || !writeSwitchesOn.contains(spec.writeSwitch()))) {
      return false;
    }
    if (!allowGlobs.isEmpty() && !Globs.anyOf(allowGlobs).test(spec.name())) {
      return false;
    }
    return !Globs.anyOf(denyGlobs).test(spec.name());
  }
}

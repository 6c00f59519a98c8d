package io.devhost.server.policy;

import io.devhost.core.ToolSpec;
import io.devhost.server.mcp.ToolCatalog;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which tools exist for clients: read-only mode first (it always wins), then the allow list, then
 * the deny list ({@code --exclude-tools}). A tool that is not visible is neither listed nor
 * callable, because the {@link ToolCatalog} built from this is all the server knows.
 */
public record ToolVisibility(boolean readOnly, List<String> allowGlobs, List<String> denyGlobs)
    implements Predicate<ToolSpec<?, ?>> {

  public ToolVisibility {
    allowGlobs = List.copyOf(allowGlobs);
    denyGlobs = List.copyOf(denyGlobs);
  }

  @Override
  public boolean test(ToolSpec<?, ?> spec) {
    if (readOnly && !spec.readOnly()) {
      return false;
    }
    if (!allowGlobs.isEmpty() && !ToolCatalog.anyGlob(allowGlobs).test(spec.name())) {
      return false;
    }
    return !ToolCatalog.anyGlob(denyGlobs).test(spec.name());
  }
}

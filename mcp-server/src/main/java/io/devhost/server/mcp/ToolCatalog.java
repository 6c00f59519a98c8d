package io.devhost.server.mcp;

import io.devhost.core.ToolSpec;
import io.devhost.core.Toolset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The tools a client can see and call: those of the enabled toolsets, less the excluded ones. A
 * tool that is not in the catalog is neither listed nor callable, whichever path the call takes.
 */
public final class ToolCatalog {

  /** A tool and the toolset it belongs to. */
  public record Entry(String toolset, ToolSpec<?, ?> spec) {}

  private final Map<String, Entry> byName;

  private ToolCatalog(Map<String, Entry> byName) {
    this.byName = byName;
  }

  /** The tools of {@code toolsets} that {@code visible} lets through (see ToolVisibility). */
  public static ToolCatalog of(List<Toolset> toolsets, Predicate<Entry> visible) {
    var byName = new LinkedHashMap<String, Entry>();
    for (Toolset toolset : toolsets) {
      for (ToolSpec<?, ?> spec : toolset.tools()) {
        var entry = new Entry(toolset.id(), spec);
        if (!visible.test(entry)) {
          continue;
        }
        Entry previous = byName.putIfAbsent(spec.name(), entry);
        if (previous != null) {
          throw new IllegalStateException(
              "tool "
                  + spec.name()
                  + " is defined by both "
                  + previous.toolset()
                  + " and "
                  + toolset.id());
        }
      }
    }
    return new ToolCatalog(byName);
  }

  public List<Entry> entries() {
    return new ArrayList<>(byName.values());
  }

  public Optional<Entry> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public List<String> names() {
    return List.copyOf(byName.keySet());
  }
}

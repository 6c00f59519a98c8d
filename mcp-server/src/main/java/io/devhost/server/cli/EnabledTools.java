package io.devhost.server.cli;

import io.devhost.core.Toolset;
import io.devhost.server.config.ServerOptions;
import io.devhost.server.config.Toolsets;
import io.devhost.server.mcp.ToolCatalog;
import io.devhost.server.policy.ToolVisibility;
import java.util.ArrayList;
import java.util.List;

/**
 * The enabled toolsets and the catalog of the tools a client may see, built one way for {@code
 * serve}, {@code tools} and {@code call}, so the three always agree on what exists.
 */
record EnabledTools(List<Toolset> toolsets, ToolCatalog catalog) implements AutoCloseable {

  /** The toolsets {@code options} enable, with {@code extra} ones, filtered by {@code visible}. */
  static EnabledTools open(ServerOptions options, ToolVisibility visible, List<Toolset> extra) {
    var toolsets = new ArrayList<>(Toolsets.create(options));
    toolsets.addAll(extra);
    return new EnabledTools(List.copyOf(toolsets), ToolCatalog.of(toolsets, visible));
  }

  /** Closes the toolsets' pools and caches. */
  @Override
  public void close() {
    toolsets.forEach(Toolset::close);
  }
}

package io.devhost.server.config;

import io.devhost.core.Toolset;
import io.devhost.fs.FilesystemToolset;
import io.devhost.fs.Sandbox;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Builds the enabled toolsets from the options. Building does no I/O beyond checking paths. */
public final class Toolsets {

  private Toolsets() {}

  public static List<Toolset> create(ServerOptions options) {
    var created = new ArrayList<Toolset>();
    for (ToolsetId id : new LinkedHashSet<>(options.toolsets())) {
      created.add(
          switch (id) {
            case fs -> new FilesystemToolset(sandbox(options));
          });
    }
    return created;
  }

  private static Sandbox sandbox(ServerOptions options) {
    return Sandbox.builder()
        .roots(options.roots())
        .readOnlyRoots(options.readOnlyRoots())
        .deny(options.deny())
        .maxWriteBytes(options.maxWriteBytes())
        .build();
  }
}

package io.devhost.server.conformance;

import io.devhost.core.Toolset;
import io.modelcontextprotocol.server.McpServerFeatures;
import java.util.List;

/** Placeholder replaced below. */
public final class ConformanceFixtures {
  private ConformanceFixtures() {}

  public static Toolset toolset() {
    throw new UnsupportedOperationException();
  }

  public static List<McpServerFeatures.SyncToolSpecification> tools() {
    return List.of();
  }
}

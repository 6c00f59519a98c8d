package io.devhost.server.config;

import io.devhost.server.policy.ToolVisibility;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which tools are visible and callable: the part of the policy that every command listing or
 * calling tools honours ({@code serve}, {@code demo}, {@code tools}, {@code call}).
 */
public final class VisibilityOptions {

  @Option(
      names = "--read-only",
      description =
          "Hide and refuse every tool that is not read-only. Wins over --allow-tools and --confirm.")
  boolean readOnly;

  @Option(
      names = "--allow-tools",
      split = ",",
      paramLabel = "GLOB",
      description =
          "Only these tools, by name or glob (e.g. read_*,list_*). Default: all."
              + " --exclude-tools still removes tools from this set.")
  List<String> allowTools = new ArrayList<>();

  public boolean readOnly() {
    return readOnly;
  }

  public List<String> allowTools() {
    return List.copyOf(allowTools);
  }

  /**
   * Which tools clients see: these options with the toolsets' write switches from {@code options}.
   */
  public ToolVisibility visibility(ServerOptions options) {
    return new ToolVisibility(
        readOnly, options.writeSwitchesOn(), allowTools, options.excludeTools());
  }
}

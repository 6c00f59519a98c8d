package io.devhost.server.config;

import io.devhost.server.policy.ConfirmMode;
import io.devhost.server.policy.ToolTimeouts;
import io.devhost.server.policy.ToolVisibility;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Options of the policy layer: which tools are visible and callable, whether destructive calls need
 * confirmation, and the limits on calls. In the config file they may sit under a {@code policy:}
 * section ({@code policy.confirm: never}).
 */
public final class PolicyOptions {

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

  @Option(
      names = "--confirm",
      paramLabel = "MODE",
      defaultValue = "auto",
      description =
          "Tools that write: 'auto' asks the user through the client's elicitation form where"
              + " the client supports it, else leaves it to the client's own approval prompt"
              + " (driven by the tools' annotations); 'ask' always elicits and refuses when"
              + " the client cannot; 'never' asks nobody (scripts, CI). Default: ${DEFAULT-VALUE}.")
  ConfirmMode confirm;

  @Option(
      names = "--tool-timeout",
      split = ",",
      paramLabel = "GLOB=SECONDS",
      description =
          "Time limit per tool call, e.g. 60 or query_*=30,60. The first matching glob wins; a"
              + " bare number applies to every tool. Default: "
              + ToolTimeouts.DEFAULT_SECONDS
              + " s.")
  List<String> toolTimeouts = new ArrayList<>();

  @Option(
      names = "--rate-limit",
      paramLabel = "CALLS",
      defaultValue = "600",
      description =
          "Most tool calls per session per minute; 0 for no limit. Default: ${DEFAULT-VALUE}.")
  int rateLimitPerMinute;

  public boolean readOnly() {
    return readOnly;
  }

  public List<String> allowTools() {
    return List.copyOf(allowTools);
  }

  /**
   * Which tools clients see: this policy with the toolsets' write switches from {@code options}.
   */
  public ToolVisibility visibility(ServerOptions options) {
    return new ToolVisibility(
        readOnly, options.writeSwitchesOn(), allowTools, options.excludeTools());
  }

  public ConfirmMode confirm() {
    return confirm;
  }

  public ToolTimeouts toolTimeouts() {
    return ToolTimeouts.parse(toolTimeouts);
  }

  public int rateLimitPerMinute() {
    if (rateLimitPerMinute < 0) {
      throw new IllegalArgumentException(
          "--rate-limit must be 0 (no limit) or a positive number of calls per minute, not "
              + rateLimitPerMinute
              + ".");
    }
    return rateLimitPerMinute;
  }
}

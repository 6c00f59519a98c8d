package io.devhost.server.config;

import io.devhost.server.policy.ToolVisibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The whole policy of a server ({@code serve}, {@code demo}): which tools are visible, how a call
 * runs, and the per-session rate limit. Commands that need less take only the parts they honour
 * ({@link VisibilityOptions}, {@link CallOptions}), so none accepts an option it would ignore. In
 * the config file these options may sit under a {@code policy:} section ({@code policy.confirm:
 * never}).
 */
public final class PolicyOptions {

  @Mixin VisibilityOptions visibility;

  @Mixin CallOptions call;

  @Option(
      names = "--rate-limit",
      paramLabel = "CALLS",
      defaultValue = "600",
      description =
          "Most tool calls per session per minute; 0 for no limit. Default: ${DEFAULT-VALUE}.")
  int rateLimitPerMinute;

  public VisibilityOptions visibilityOptions() {
    return visibility;
  }

  public CallOptions call() {
    return call;
  }

  public ToolVisibility visibility(ServerOptions options) {
    return visibility.visibility(options);
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

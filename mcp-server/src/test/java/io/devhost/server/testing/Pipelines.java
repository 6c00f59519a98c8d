package io.devhost.server.testing;

import io.devhost.core.ResultLimits;
import io.devhost.core.ToolRunner;
import io.devhost.core.audit.AuditListener;
import io.devhost.server.mcp.ToolCallPipeline;
import io.devhost.server.metrics.ToolMetrics;
import io.devhost.server.policy.ConfirmMode;
import io.devhost.server.policy.ToolTimeouts;
import java.util.List;

/** Tool-call pipelines for tests that are about something other than policy. */
public final class Pipelines {

  private Pipelines() {}

  /** Default limits and timeouts, destructive tools run without asking, no audit log. */
  public static ToolCallPipeline unrestricted() {
    return new ToolCallPipeline(
        new ToolRunner(ResultLimits.DEFAULT),
        new ToolCallPipeline.Settings(ConfirmMode.never, ToolTimeouts.parse(List.of()), 0),
        AuditListener.NONE,
        new ToolMetrics());
  }
}

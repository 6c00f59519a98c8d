package io.devhost.bridge.planner;

import io.devhost.bridge.host.HostTool;
import java.util.Map;

/** What a run shows while it goes: for the chat's live view and the CLI's progress on stderr. */
public interface PlannerEvents {

  PlannerEvents NONE = new PlannerEvents() {};

  default void stepStarted(int step, int maxSteps) {}

  default void reasoning(String delta) {}

  default void content(String delta) {}

  /** The reply could not be used; the model gets {@code problem} and tries again. */
  default void actionRejected(int step, String problem) {}

  default void toolStarted(int step, HostTool tool, Map<String, Object> arguments) {}

  default void toolFinished(int step, ToolCallRecord record) {}

  /** Tokens and time so far, after each model call. */
  default void progress(int step, int tokens, double tokensPerSecond, long elapsedMillis) {}
}

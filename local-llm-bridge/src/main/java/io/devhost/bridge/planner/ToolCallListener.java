package io.devhost.bridge.planner;

/** Told of every call the planner decided on, run or refused: the audit hook. */
@FunctionalInterface
public interface ToolCallListener {

  ToolCallListener NONE = record -> {};

  void onToolCall(ToolCallRecord record);
}

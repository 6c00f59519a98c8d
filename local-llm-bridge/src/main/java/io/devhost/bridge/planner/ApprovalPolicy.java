package io.devhost.bridge.planner;

/** What to do with a tool that is not declared read-only. */
public enum ApprovalPolicy {
  /** Refuse every such call. */
  NEVER,
  /** Ask the user each time (y / n / always for this tool); refuse when nobody can answer. */
  ASK,
  /** Run every such call without asking. */
  ALWAYS
}

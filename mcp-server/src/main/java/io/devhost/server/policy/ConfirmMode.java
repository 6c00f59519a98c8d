package io.devhost.server.policy;

/** Whether a destructive call must be confirmed by the user first. */
public enum ConfirmMode {
  /** Ask through elicitation; refuse when the client cannot ask. */
  ask,
  /** Run destructive calls without asking (scripts, CI). */
  never
}

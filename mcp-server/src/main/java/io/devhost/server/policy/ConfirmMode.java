package io.devhost.server.policy;

/** Whether a call that writes must be confirmed by the user first, and who asks. */
public enum ConfirmMode {
  /**
   * Ask through elicitation where the client supports it; elsewhere run the call and leave the
   * asking to the client's own approval prompt, which clients show from the tool's annotations
   * ({@code readOnlyHint}, {@code destructiveHint}). Claude Desktop, for one, cannot elicit but
   * asks before every call.
   */
  auto,
  /** Ask through elicitation; refuse when the client cannot ask. */
  ask,
  /** Run writing calls without asking (scripts, CI). */
  never
}

package io.devhost.bridge.planner;

/** Why a call was allowed or refused; recorded in the transcript and the audit log. */
public enum Decision {
  READ_ONLY(true),
  TRUSTED_BY_USER(true),
  APPROVED_BY_USER(true),
  APPROVED_ALWAYS_FOR_TOOL(true),
  APPROVED_BY_POLICY(true),
  /** The change monitor flagged the change and the user, shown the diff and reasons, allowed it. */
  APPROVED_FLAGGED_BY_USER(true),
  REFUSED_BY_USER(false),
  REFUSED_BY_POLICY(false),
  REFUSED_NON_INTERACTIVE(false),
  /** The change monitor flagged the change and nobody at a terminal could look at it. */
  REFUSED_FLAGGED(false);

  private final boolean allowed;

  Decision(boolean allowed) {
    this.allowed = allowed;
  }

  public boolean allowed() {
    return allowed;
  }
}

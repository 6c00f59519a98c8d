package io.devhost.bridge.planner;

/** Why a call was allowed or refused; recorded in the transcript and the audit log. */
public enum Decision {
  READ_ONLY(true),
  TRUSTED_BY_USER(true),
  APPROVED_BY_USER(true),
  APPROVED_ALWAYS_FOR_TOOL(true),
  APPROVED_BY_POLICY(true),
  REFUSED_BY_USER(false),
  REFUSED_BY_POLICY(false),
  REFUSED_NON_INTERACTIVE(false);

  private final boolean allowed;

  Decision(boolean allowed) {
    this.allowed = allowed;
  }

  public boolean allowed() {
    return allowed;
  }
}

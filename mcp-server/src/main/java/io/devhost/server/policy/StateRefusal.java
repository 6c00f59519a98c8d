package io.devhost.server.policy;

/**
 * Why the {@code requestState} of a 2026-07-28 retry was refused. The client only ever hears the
 * spec's one {@code -32602 Invalid or expired requestState} (telling a forger which check failed
 * helps nobody but the forger); the audit log records the reason as the decision.
 */
public enum StateRefusal {
  /** Not signed by this deployment's key: altered, made up, or from a replica with another key. */
  FORGED("state_forged"),
  /** Signed, but older than its time to live. */
  EXPIRED("state_expired"),
  /** Signed for another caller (access token subject). */
  OTHER_CALLER("state_other_caller"),
  /** Signed for another tool, method or arguments than the retry names. */
  OTHER_CALL("state_other_call"),
  /** Already used once by this replica: a call confirmed once runs once. */
  REPLAYED("state_replayed"),
  /** An answer ({@code inputResponses}) without the state of the question it answers. */
  MISSING("state_missing"),
  /** The state of a question, but no answer to it. */
  UNANSWERED("state_unanswered");

  private final String decision;

  StateRefusal(String decision) {
    this.decision = decision;
  }

  /** The audit log's {@code decision} for a call refused for this reason. */
  public String decision() {
    return decision;
  }
}

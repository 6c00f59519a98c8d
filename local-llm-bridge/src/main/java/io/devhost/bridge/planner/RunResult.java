package io.devhost.bridge.planner;

import java.util.List;

/**
 * How a run ended, with its transcript.
 *
 * @param answer the final answer when {@link Status#ANSWERED}, else null
 * @param message why the run stopped, for the user, when it did not answer
 */
public record RunResult(
    Status status, String answer, String message, List<StepRecord> steps, Totals totals) {

  /** Why the run ended. */
  public enum Status {
    ANSWERED,
    STEP_LIMIT,
    TOKEN_LIMIT,
    TIME_LIMIT,
    LOOP,
    NO_VALID_ACTION,
    MODEL_ERROR,
    CANCELLED
  }

  public boolean answered() {
    return status == Status.ANSWERED;
  }

  /** Sums over the run. */
  public record Totals(
      int steps,
      int modelCalls,
      int promptTokens,
      int completionTokens,
      long modelMillis,
      long toolMillis,
      double hostMillis,
      long wallMillis) {

    /** Generation speed over the run's model time. */
    public double tokensPerSecond() {
      return modelMillis == 0 ? 0 : completionTokens * 1000.0 / modelMillis;
    }
  }
}

package io.devhost.bridge.planner;

import java.time.Duration;

/**
 * Limits on one run. A self-hosted model can loop or ramble; these keep a run finite.
 *
 * @param maxSteps tool calls plus the answer
 * @param maxModelTokens tokens generated over the whole run, reasoning included
 * @param thinkTokens reasoning per step; past it the thought is closed and the action requested
 * @param actionTokens the action itself (the JSON object)
 * @param retries extra attempts when a step's action is unusable (unparseable, unknown tool, bad
 *     arguments), each with a message saying what was wrong
 * @param ledgerShare share of the context window the ledger may fill when fed back
 * @param resultChars the most characters of one tool result shown to the model (head and tail); the
 *     rest stays readable through {@code ledger_read}. 0: sized to the context window
 * @param maxRepeats identical calls refused before the run stops as a loop
 */
public record Budgets(
    int maxSteps,
    int maxModelTokens,
    Duration maxTime,
    int thinkTokens,
    int actionTokens,
    int retries,
    double ledgerShare,
    int resultChars,
    int maxRepeats) {

  public static final Budgets DEFAULT =
      new Budgets(12, 48_000, Duration.ofMinutes(10), 1024, 512, 2, 0.25, 0, 2);

  public Budgets {
    if (maxSteps < 1 || maxModelTokens < 1 || thinkTokens < 1 || actionTokens < 16) {
      throw new IllegalArgumentException(
          "budgets must be positive (steps, tokens) and the action budget at least 16 tokens");
    }
    if (retries < 0 || retries > 5) {
      throw new IllegalArgumentException("retries must be between 0 and 5, got " + retries);
    }
    if (ledgerShare <= 0 || ledgerShare > 0.6) {
      throw new IllegalArgumentException("ledger share must be in (0, 0.6], got " + ledgerShare);
    }
  }

  public Budgets withMaxSteps(int steps) {
    return new Budgets(
        steps,
        maxModelTokens,
        maxTime,
        thinkTokens,
        actionTokens,
        retries,
        ledgerShare,
        resultChars,
        maxRepeats);
  }

  public Budgets withLimits(int steps, int tokens, Duration time, int think) {
    return new Budgets(
        steps, tokens, time, think, actionTokens, retries, ledgerShare, resultChars, maxRepeats);
  }
}

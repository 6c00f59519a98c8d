package io.devhost.bridge.planner;

import java.time.Duration;

/**
 * Limits on one run. A self-hosted model can loop or ramble; these keep a run finite. Made with
 * {@link #builder()} (every limit has a default) or from another with {@link #toBuilder()}.
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

  public static final Budgets DEFAULT = builder().build();

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

  /** The defaults: 12 steps, 48,000 tokens, 10 minutes, 1,024 thinking and 512 action tokens. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .maxSteps(maxSteps)
        .maxModelTokens(maxModelTokens)
        .maxTime(maxTime)
        .thinkTokens(thinkTokens)
        .actionTokens(actionTokens)
        .retries(retries)
        .ledgerShare(ledgerShare)
        .resultChars(resultChars)
        .maxRepeats(maxRepeats);
  }

  /** Named limits; {@link #build()} checks them together. */
  public static final class Builder {
    private int maxSteps = 12;
    private int maxModelTokens = 48_000;
    private Duration maxTime = Duration.ofMinutes(10);
    private int thinkTokens = 1024;
    private int actionTokens = 512;
    private int retries = 2;
    private double ledgerShare = 0.25;
    private int resultChars = 0;
    private int maxRepeats = 2;

    private Builder() {}

    public Builder maxSteps(int maxSteps) {
      this.maxSteps = maxSteps;
      return this;
    }

    public Builder maxModelTokens(int maxModelTokens) {
      this.maxModelTokens = maxModelTokens;
      return this;
    }

    public Builder maxTime(Duration maxTime) {
      this.maxTime = maxTime;
      return this;
    }

    public Builder thinkTokens(int thinkTokens) {
      this.thinkTokens = thinkTokens;
      return this;
    }

    public Builder actionTokens(int actionTokens) {
      this.actionTokens = actionTokens;
      return this;
    }

    public Builder retries(int retries) {
      this.retries = retries;
      return this;
    }

    public Builder ledgerShare(double ledgerShare) {
      this.ledgerShare = ledgerShare;
      return this;
    }

    public Builder resultChars(int resultChars) {
      this.resultChars = resultChars;
      return this;
    }

    public Builder maxRepeats(int maxRepeats) {
      this.maxRepeats = maxRepeats;
      return this;
    }

    public Budgets build() {
      return new Budgets(
          maxSteps,
          maxModelTokens,
          maxTime,
          thinkTokens,
          actionTokens,
          retries,
          ledgerShare,
          resultChars,
          maxRepeats);
    }
  }
}

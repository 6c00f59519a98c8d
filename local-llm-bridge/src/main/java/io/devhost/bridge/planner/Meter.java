package io.devhost.bridge.planner;

/**
 * What a step or a run consumed: model calls, tokens and time. Immutable: a step measures its own
 * meter and the run adds it to its total, so no counter is shared between the two.
 *
 * @param modelCalls requests to the model, retries included
 * @param promptTokens prompt tokens the model evaluated
 * @param tokens tokens the model generated, reasoning included
 * @param hostMillis time in the host itself: prompt, parsing, validation, ledger
 */
record Meter(
    int modelCalls,
    int promptTokens,
    int tokens,
    long modelNanos,
    long toolNanos,
    double hostMillis) {

  static final Meter ZERO = new Meter(0, 0, 0, 0, 0, 0);

  Meter plusReply(StepGenerator.Reply reply) {
    return new Meter(
        modelCalls + reply.calls(),
        promptTokens + reply.promptTokens(),
        tokens + reply.tokens(),
        modelNanos + reply.nanos(),
        toolNanos,
        hostMillis);
  }

  Meter plusToolNanos(long nanos) {
    return new Meter(modelCalls, promptTokens, tokens, modelNanos, toolNanos + nanos, hostMillis);
  }

  Meter plusHostMillis(double millis) {
    return new Meter(modelCalls, promptTokens, tokens, modelNanos, toolNanos, hostMillis + millis);
  }

  Meter plus(Meter other) {
    return new Meter(
        modelCalls + other.modelCalls,
        promptTokens + other.promptTokens,
        tokens + other.tokens,
        modelNanos + other.modelNanos,
        toolNanos + other.toolNanos,
        hostMillis + other.hostMillis);
  }

  /** Generation speed over the model time so far. */
  double tokensPerSecond() {
    return modelNanos == 0 ? 0 : tokens * 1e9 / modelNanos;
  }
}

package io.devhost.bridge.model;

import java.time.Duration;

/**
 * What a generation produced.
 *
 * @param reasoning the text inside {@code <think>}, or from a separate reasoning field
 * @param content what followed the reasoning (the answer)
 * @param reasoningClosed whether the reasoning ended with {@code </think>} (or the API said so)
 * @param promptTokens tokens in the prompt, 0 when the backend does not say
 * @param completionTokens tokens generated, reasoning included
 */
public record Generation(
    String reasoning,
    String content,
    boolean reasoningClosed,
    int promptTokens,
    int completionTokens,
    Duration elapsed,
    Finish finish) {

  /** Why generation ended. */
  public enum Finish {
    /** The model finished on its own (end of sequence, stop string, or the grammar completed). */
    STOP,
    /** The token limit was reached. */
    LENGTH,
    /** The listener asked to stop (reasoning budget, user cancel). */
    CANCELLED
  }
}

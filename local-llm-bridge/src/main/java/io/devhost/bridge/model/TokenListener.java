package io.devhost.bridge.model;

/** Receives a generation as it streams, and can stop it. */
public interface TokenListener {

  TokenListener NONE = new TokenListener() {};

  /** A piece of reasoning text. */
  default void onReasoning(String delta) {}

  /** A piece of the answer. */
  default void onContent(String delta) {}

  /** Asked after each piece; true stops the generation (it then ends as CANCELLED). */
  default boolean shouldStop() {
    return false;
  }
}

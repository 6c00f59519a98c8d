package io.devhost.bridge.model;

import java.util.List;
import java.util.Map;

/**
 * One generation.
 *
 * @param turns the conversation, user turn first and last
 * @param think true: the reply starts in free reasoning, and only what follows the reasoning is
 *     constrained by {@code schema}. False: no reasoning (it is already in {@code priorReasoning})
 * @param priorReasoning reasoning cut off by its budget in an earlier generation, to be closed and
 *     continued with the answer directly; null when none
 * @param schema JSON Schema the answer must match; null for free text
 * @param maxTokens the most tokens to generate, reasoning included
 */
public record GenerationRequest(
    List<Turn> turns,
    boolean think,
    String priorReasoning,
    Map<String, Object> schema,
    int maxTokens,
    Sampling sampling) {

  public GenerationRequest {
    turns = List.copyOf(turns);
    if (turns.isEmpty() || turns.get(turns.size() - 1).role() != Turn.Role.USER) {
      throw new IllegalArgumentException("the last turn must be the user's");
    }
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
    }
  }

  /**
   * The turns for an HTTP backend. After a thought was cut at its budget, the last user turn asks
   * for the action alone; the cut thought is not sent back, not even quoted, because reasoning that
   * re-enters the conversation as user text is read as instructions and as fact. (The embedded
   * backend continues its own open thought instead, which never becomes a turn.)
   */
  public List<Turn> turnsForHttp() {
    if (priorReasoning == null) {
      return turns;
    }
    var copy = new java.util.ArrayList<>(turns.subList(0, turns.size() - 1));
    copy.add(
        Turn.user(
            turns.get(turns.size() - 1).content()
                + "\n\nYou have thought enough: reply now with the action alone, one JSON object,"
                + " no reasoning."));
    return copy;
  }
}

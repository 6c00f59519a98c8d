package io.devhost.bridge.planner;

import io.devhost.bridge.changes.ChangeReview;
import java.util.List;
import java.util.Map;

/**
 * One step of a run, for the transcript.
 *
 * @param reasoning the step's reasoning; null unless thoughts are kept
 * @param action the action taken, as JSON; null when no usable action came
 * @param rejected problems with replies that were sent back to the model
 * @param coercions arguments converted to their schema's type, one note each ({@code maxCount: "3"
 *     -> 3})
 * @param hostMillis time spent in the host itself: prompt, parsing, validation, ledger (not the
 *     model, not the tool)
 * @param change the reviewed change of a write (diff and findings); null for reads and answers
 */
public record StepRecord(
    int step,
    String reasoning,
    String action,
    List<String> rejected,
    List<String> coercions,
    String server,
    String tool,
    Map<String, Object> arguments,
    Decision decision,
    int resultChars,
    boolean toolError,
    int modelCalls,
    int tokens,
    long modelMillis,
    long toolMillis,
    double hostMillis,
    ChangeReview change) {}

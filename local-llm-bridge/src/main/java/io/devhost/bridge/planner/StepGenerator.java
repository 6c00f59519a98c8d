package io.devhost.bridge.planner;

import io.devhost.bridge.model.Generation;
import io.devhost.bridge.model.GenerationRequest;
import io.devhost.bridge.model.ModelBackend;
import io.devhost.bridge.model.Sampling;
import io.devhost.bridge.model.TokenListener;
import io.devhost.bridge.model.Turn;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Gets one action from the model, in two phases: free reasoning within its token budget, then the
 * action constrained to the schema. When the backend can constrain what follows the reasoning
 * (llama.cpp grammar, Ollama {@code format}), both phases are one generation; only when the
 * reasoning runs past its budget is it cut, closed, and a second generation asked for the action
 * alone.
 */
final class StepGenerator {

  /** The reply, or why there is none. */
  record Reply(
      String reasoning,
      String content,
      boolean reasoningClosed,
      int calls,
      int promptTokens,
      int tokens,
      long nanos,
      Outcome outcome) {}

  enum Outcome {
    DONE,
    CANCELLED,
    OUT_OF_TIME
  }

  private final ModelBackend model;
  private final Budgets budgets;
  private final Sampling sampling;

  StepGenerator(ModelBackend model, Budgets budgets, Sampling sampling) {
    this.model = model;
    this.budgets = budgets;
    this.sampling = sampling;
  }

  Reply next(
      List<Turn> turns,
      Map<String, Object> schema,
      int tokensLeft,
      long deadlineNanos,
      BooleanSupplier cancelled,
      PlannerEvents events) {
    var think = new Watch(events, budgets.thinkTokens(), deadlineNanos, cancelled);
    int first = Math.min(budgets.thinkTokens() + budgets.actionTokens(), tokensLeft);
    Generation g =
        model.generate(new GenerationRequest(turns, true, null, schema, first, sampling), think);
    if (think.stoppedBy != null) {
      return reply(g, null, think.stoppedBy);
    }
    boolean cutInThought =
        think.thoughtCut
            || (g.finish() == Generation.Finish.LENGTH
                && !g.reasoningClosed()
                && g.content().isBlank());
    int left = tokensLeft - g.completionTokens();
    if (!cutInThought || left < 16) {
      return reply(g, null, Outcome.DONE);
    }
    var act = new Watch(events, Integer.MAX_VALUE, deadlineNanos, cancelled);
    Generation a =
        model.generate(
            new GenerationRequest(
                turns,
                false,
                g.reasoning(),
                schema,
                Math.min(budgets.actionTokens(), left),
                sampling),
            act);
    return reply(g, a, act.stoppedBy == null ? Outcome.DONE : act.stoppedBy);
  }

  private static Reply reply(Generation g, Generation action, Outcome outcome) {
    if (action == null) {
      return new Reply(
          g.reasoning(),
          g.content(),
          g.reasoningClosed(),
          1,
          g.promptTokens(),
          g.completionTokens(),
          g.elapsed().toNanos(),
          outcome);
    }
    return new Reply(
        g.reasoning(),
        action.content(),
        true,
        2,
        g.promptTokens() + action.promptTokens(),
        g.completionTokens() + action.completionTokens(),
        g.elapsed().toNanos() + action.elapsed().toNanos(),
        outcome);
  }

  /** Streams to the events and stops the generation at the reasoning budget, deadline or cancel. */
  private static final class Watch implements TokenListener {
    private final PlannerEvents events;
    private final int thinkBudget;
    private final long deadline;
    private final BooleanSupplier cancelled;
    private int reasoningPieces;
    private boolean answering;
    boolean thoughtCut;
    Outcome stoppedBy;

    Watch(PlannerEvents events, int thinkBudget, long deadline, BooleanSupplier cancelled) {
      this.events = events;
      this.thinkBudget = thinkBudget;
      this.deadline = deadline;
      this.cancelled = cancelled;
    }

    @Override
    public void onReasoning(String delta) {
      reasoningPieces++;
      events.reasoning(delta);
    }

    @Override
    public void onContent(String delta) {
      answering = true;
      events.content(delta);
    }

    @Override
    public boolean shouldStop() {
      if (cancelled.getAsBoolean()) {
        stoppedBy = Outcome.CANCELLED;
        return true;
      }
      if (System.nanoTime() > deadline) {
        stoppedBy = Outcome.OUT_OF_TIME;
        return true;
      }
      if (!answering && reasoningPieces >= thinkBudget) {
        thoughtCut = true;
        return true;
      }
      return false;
    }
  }
}

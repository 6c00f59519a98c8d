package io.devhost.bridge.planner;

import io.devhost.bridge.changes.ChangeReview;
import io.devhost.bridge.host.HostTool;
import io.devhost.bridge.host.ToolResult;
import io.devhost.bridge.model.ModelException;
import io.devhost.core.UntrustedText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One step of a run: get a usable action from the model (retrying with the problem), then answer,
 * refuse a repeated call, or have the call reviewed, approved and made. Returns how the step ended
 * and what it consumed; the run decides what comes next.
 */
final class PlannerStep {

  private final PlannerParts parts;
  private final Budgets budgets;
  private final Run run;
  private final int number;

  /** The run's meter before this step: the token budget and progress count the whole run. */
  private final Meter before;

  private final int repeatsBefore;
  private final long stepStart = System.nanoTime();
  private final List<String> rejected = new ArrayList<>();
  private Meter meter = Meter.ZERO;
  private String reasoning;
  private ActionChecker.Usable usable;
  private ChangeReview change;

  PlannerStep(PlannerParts parts, Run run, int number, Meter before, int repeatsBefore) {
    this.parts = parts;
    this.budgets = parts.budgets();
    this.run = run;
    this.number = number;
    this.before = before;
    this.repeatsBefore = repeatsBefore;
  }

  StepOutcome take() {
    try {
      StepOutcome stopped = chooseAction();
      return stopped != null ? stopped : act();
    } catch (ModelException e) {
      return stop(RunResult.Status.MODEL_ERROR, e.getMessage());
    }
  }

  /** Asks the model until an action passes the checks; an outcome only when the run must stop. */
  private StepOutcome chooseAction() {
    String feedback = null;
    for (int attempt = 0; attempt <= budgets.retries(); attempt++) {
      int tokens = before.tokens() + meter.tokens();
      if (tokens >= budgets.maxModelTokens()) {
        return stop(
            RunResult.Status.TOKEN_LIMIT,
            "the run used its "
                + budgets.maxModelTokens()
                + " model tokens without an answer; raise --max-tokens or narrow the task");
      }
      var turns =
          run.prompts.turns(
              run.task,
              parts.earlierTasks(),
              run.history,
              parts.ledger(),
              number,
              budgets.maxSteps(),
              feedback);
      var reply =
          parts
              .generator()
              .next(
                  turns,
                  run.schema,
                  budgets.maxModelTokens() - tokens,
                  run.deadline(),
                  parts.cancelled(),
                  run.events);
      meter = meter.plusReply(reply);
      var total = before.plus(meter);
      run.events.progress(number, total.tokens(), total.tokensPerSecond(), run.elapsedMillis());
      if (reply.outcome() == StepGenerator.Outcome.CANCELLED) {
        return stop(RunResult.Status.CANCELLED, "cancelled by the user");
      }
      if (reply.outcome() == StepGenerator.Outcome.OUT_OF_TIME) {
        return stop(RunResult.Status.TIME_LIMIT, timeUpMessage(budgets));
      }
      reasoning = reply.reasoning();
      var outcome = run.checker.check(reply.reasoning(), reply.content(), reply.reasoningClosed());
      if (outcome instanceof ActionChecker.Usable u) {
        usable = u;
        return null;
      }
      feedback = ((ActionChecker.Problem) outcome).message();
      rejected.add(feedback);
      run.events.actionRejected(number, feedback);
    }
    return stop(
        RunResult.Status.NO_VALID_ACTION,
        "step "
            + number
            + ": the model gave no usable action in "
            + (budgets.retries() + 1)
            + " attempts; last problem: "
            + feedback);
  }

  /** Carries out the chosen action. */
  private StepOutcome act() {
    if (usable.action() instanceof Action.Answer answer) {
      return new StepOutcome.Answer(
          answer.text(), record(answer.toJson(), null, null, null, 0, false), meter);
    }
    var call = (Action.ToolCall) usable.action();
    HostTool tool = usable.tool();
    Integer earlier = run.earlierCalls.get(call.identity());
    if (earlier != null) {
      return repeated(call, tool, earlier);
    }
    boolean local = tool.equals(run.ledgerTool);
    change =
        local || tool.readOnly() || parts.changes() == null
            ? null
            : parts.changes().review(tool, call.arguments());
    Decision decision =
        local ? Decision.READ_ONLY : parts.approvals().decide(tool, call.arguments(), change);
    if (!decision.allowed()) {
      String why = decision.name().toLowerCase(Locale.ROOT);
      logCall(tool, call, decision, 0, 0, "refused: " + why);
      run.history.add(new Exchange(call, refusal(tool, decision), 0));
      return proceed(record(call.toJson(), tool, call.arguments(), decision, 0, false), false);
    }
    run.events.toolStarted(number, tool, call.arguments());
    long toolStart = System.nanoTime();
    ToolResult result =
        local ? parts.ledger().read(call.arguments()) : parts.host().call(tool, call.arguments());
    long toolNanos = System.nanoTime() - toolStart;
    meter = meter.plusToolNanos(toolNanos);
    var done =
        logCall(
            tool,
            call,
            decision,
            toolNanos / 1_000_000,
            result.text().length(),
            result.error() ? result.text() : null);
    run.events.toolFinished(number, done);
    if (local) {
      run.history.add(
          new Exchange(
              call,
              "Ledger entry, as asked:\n" + UntrustedText.fence("the ledger", result.text()),
              0));
    } else {
      LedgerEntry entry = parts.ledger().add(number, tool, call.arguments(), result);
      run.earlierCalls.put(call.identity(), number);
      run.history.add(new Exchange(call, observation(entry, call.arguments()), entry.id()));
    }
    return proceed(
        record(
            call.toJson(),
            tool,
            call.arguments(),
            decision,
            result.text().length(),
            result.error()),
        false);
  }

  /** What the model is told of a refused call; of a flagged change, why, so it can fix it. */
  private String refusal(HostTool tool, Decision decision) {
    String why = decision.name().toLowerCase(Locale.ROOT);
    if (change != null && change.flagged()) {
      return "The change proposed with "
          + tool.name()
          + " was NOT written ("
          + why
          + "): the change monitor flagged it:\n"
          + change.reasons()
          + "\nPropose only the change the task asks for, without what was flagged, or"
          + " answer and explain why it is needed.";
    }
    return "The call of "
        + tool.name()
        + " was refused ("
        + why
        + "). Do not call it again; continue with read-only tools or answer with"
        + " what you know.";
  }

  /** An identical call is not run again: the model is told where its result is. */
  private StepOutcome repeated(Action.ToolCall call, HostTool tool, int earlier) {
    int repeats = repeatsBefore + 1;
    if (repeats >= budgets.maxRepeats()) {
      return stop(
          RunResult.Status.LOOP,
          "the model kept repeating calls it had already made (last: "
              + ActionParser.abbreviate(call.toJson())
              + "); stopped after "
              + repeats
              + " repeats");
    }
    run.history.add(
        new Exchange(
            call,
            "You already made this exact call in step "
                + earlier
                + "; its result is in the ledger. Use it, call something else, or answer.",
            0));
    return proceed(record(call.toJson(), tool, call.arguments(), null, 0, false), true);
  }

  private StepOutcome proceed(StepRecord record, boolean repeated) {
    return new StepOutcome.Continue(record, meter, repeated);
  }

  private StepOutcome stop(RunResult.Status status, String message) {
    return new StepOutcome.Stop(status, message, meter);
  }

  /** Why a run stopped at its time limit, whether inside a step or between two. */
  static String timeUpMessage(Budgets budgets) {
    return "the run reached its time limit of "
        + budgets.maxTime().toSeconds()
        + " s without an answer; raise --max-time or narrow the task";
  }

  /** The step for the transcript; host time is what remains after model and tool time. */
  private StepRecord record(
      String action,
      HostTool tool,
      Map<String, Object> arguments,
      Decision decision,
      int resultChars,
      boolean toolError) {
    double host =
        Math.max(0, System.nanoTime() - stepStart - meter.modelNanos() - meter.toolNanos()) / 1e6;
    meter = meter.plusHostMillis(host);
    return new StepRecord(
        number,
        parts.keepThoughts() ? reasoning : null,
        action,
        List.copyOf(rejected),
        usable == null ? List.of() : usable.coercions(),
        tool == null ? null : tool.server(),
        tool == null ? null : tool.tool().name(),
        arguments,
        decision,
        resultChars,
        toolError,
        meter.modelCalls(),
        meter.tokens(),
        meter.modelNanos() / 1_000_000,
        meter.toolNanos() / 1_000_000,
        host,
        tool == null ? null : change);
  }

  /** The latest result as the model sees it: whole, or its head and tail with a marker. */
  private String observation(LedgerEntry entry, Map<String, Object> arguments) {
    String shown =
        ResultExcerpt.of(
            entry.result(), resultChars(), ResultExcerpt.asksForTheEnd(arguments), entry.id());
    String label =
        (entry.error() ? "The call failed" : "Result")
            + " (ledger #"
            + entry.id()
            + ", "
            + entry.server()
            + "/"
            + entry.tool()
            + ")";
    return label + ":\n" + UntrustedText.fence(entry.server() + "/" + entry.tool(), shown);
  }

  /**
   * The room for the latest result: a fixed budget when one was set, else what the context window
   * leaves after the generation, the ledger's share and about 2,000 tokens for the rest of the
   * prompt, at least 500 tokens.
   */
  private int resultChars() {
    if (budgets.resultChars() > 0) {
      return budgets.resultChars();
    }
    int context = parts.model().contextTokens();
    int tokens =
        context
            - budgets.thinkTokens()
            - budgets.actionTokens()
            - (int) (context * budgets.ledgerShare())
            - 2000;
    return (int) (Math.max(500, tokens) * PromptBuilder.CHARS_PER_TOKEN);
  }

  private ToolCallRecord logCall(
      HostTool tool,
      Action.ToolCall call,
      Decision decision,
      long millis,
      int chars,
      String error) {
    var r =
        new ToolCallRecord(
            Instant.now(),
            tool.server(),
            tool.tool().name(),
            call.arguments(),
            decision,
            millis,
            chars,
            error,
            change);
    parts.audit().onToolCall(r);
    return r;
  }
}

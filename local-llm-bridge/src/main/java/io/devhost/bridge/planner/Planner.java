package io.devhost.bridge.planner;

import io.devhost.bridge.changes.ChangeReviewer;
import io.devhost.bridge.host.ToolHost;
import io.devhost.bridge.model.ModelBackend;
import io.devhost.bridge.model.Sampling;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The loop that turns a task into tool calls and an answer. Each step: build the prompt, get one
 * action (StepGenerator), check it (parse, known tool, valid arguments; else retry with the
 * problem), refuse a repeated call, have a write's change previewed and screened (ChangeReviewer),
 * ask the ApprovalGate, call the tool, keep what it taught in the Ledger. Budgets bound steps,
 * tokens and time. One planner serves one session: the ledger and the earlier tasks carry over from
 * one {@link #run} to the next (the chat). A run is a loop over {@link PlannerStep}s, each
 * returning a {@link StepOutcome} and the {@link Meter} of what it consumed.
 */
public final class Planner {

  private final PlannerParts parts;
  private final Budgets budgets;
  private final ApprovalGate approvals;
  private final Ledger ledger = new Ledger();
  private final List<String> earlierTasks = new ArrayList<>();
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public Planner(
      ModelBackend model,
      ToolHost host,
      ApprovalGate approvals,
      Budgets budgets,
      Sampling sampling,
      ToolCallListener audit,
      boolean keepThoughts) {
    this(model, host, approvals, budgets, sampling, audit, keepThoughts, null);
  }

  /** With a change reviewer: every write is previewed and screened before the gate decides. */
  public Planner(
      ModelBackend model,
      ToolHost host,
      ApprovalGate approvals,
      Budgets budgets,
      Sampling sampling,
      ToolCallListener audit,
      boolean keepThoughts,
      ChangeReviewer changes) {
    this.budgets = budgets;
    this.approvals = approvals;
    this.parts =
        new PlannerParts(
            model,
            host,
            approvals,
            budgets,
            audit,
            changes,
            new StepGenerator(model, budgets, sampling),
            ledger,
            Collections.unmodifiableList(earlierTasks),
            cancelled::get,
            keepThoughts);
  }

  public Ledger ledger() {
    return ledger;
  }

  public ApprovalGate approvals() {
    return approvals;
  }

  /** Stops the run in progress at the next token; it ends as {@link RunResult.Status#CANCELLED}. */
  public void cancel() {
    cancelled.set(true);
  }

  public RunResult run(String task, PlannerEvents events) {
    cancelled.set(false);
    var run = new Run(task, events, parts.host().tools(), budgets, parts.model().contextTokens());
    RunResult result = steps(run);
    earlierTasks.add(
        ActionParser.abbreviate(
            task
                + " -> "
                + (result.answered() ? result.answer() : "(no answer: " + result.status() + ")")));
    return result;
  }

  /** Takes steps until one answers or stops, the step budget is spent, or the time is up. */
  private RunResult steps(Run run) {
    var meter = Meter.ZERO;
    var records = new ArrayList<StepRecord>();
    int repeats = 0;
    for (int number = 1; number <= budgets.maxSteps(); number++) {
      run.events.stepStarted(number, budgets.maxSteps());
      StepOutcome outcome = new PlannerStep(parts, run, number, meter, repeats).take();
      meter = meter.plus(outcome.meter());
      if (outcome instanceof StepOutcome.Answer answer) {
        records.add(answer.record());
        return result(run, RunResult.Status.ANSWERED, answer.text(), null, records, meter);
      }
      if (outcome instanceof StepOutcome.Stop stop) {
        return result(run, stop.status(), null, stop.message(), records, meter);
      }
      var next = (StepOutcome.Continue) outcome;
      records.add(next.record());
      if (next.repeated()) {
        repeats++;
      }
      if (run.pastDeadline()) {
        return result(
            run,
            RunResult.Status.TIME_LIMIT,
            null,
            PlannerStep.timeUpMessage(budgets),
            records,
            meter);
      }
    }
    return result(
        run,
        RunResult.Status.STEP_LIMIT,
        null,
        "no answer within " + budgets.maxSteps() + " steps; raise --max-steps or narrow the task",
        records,
        meter);
  }

  private static RunResult result(
      Run run,
      RunResult.Status status,
      String answer,
      String message,
      List<StepRecord> records,
      Meter meter) {
    var totals =
        new RunResult.Totals(
            records.size(),
            meter.modelCalls(),
            meter.promptTokens(),
            meter.tokens(),
            meter.modelNanos() / 1_000_000,
            meter.toolNanos() / 1_000_000,
            meter.hostMillis(),
            run.elapsedMillis());
    return new RunResult(status, answer, message, List.copyOf(records), totals);
  }
}

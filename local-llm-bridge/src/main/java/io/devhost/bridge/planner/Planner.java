package io.devhost.bridge.planner;

import io.devhost.bridge.changes.ChangeReview;
import io.devhost.bridge.changes.ChangeReviewer;
import io.devhost.bridge.host.HostTool;
import io.devhost.bridge.host.ToolHost;
import io.devhost.bridge.host.ToolResult;
import io.devhost.bridge.model.ModelBackend;
import io.devhost.bridge.model.ModelException;
import io.devhost.bridge.model.Sampling;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The loop that turns a task into tool calls and an answer. Each step: build the prompt, get one
 * action (StepGenerator), check it (parse, known tool, valid arguments; else retry with the
 * problem), refuse a repeated call, have a write's change previewed and screened (ChangeReviewer),
 * ask the ApprovalGate, call the tool, keep what it taught in the Ledger. Budgets bound steps,
 * tokens and time. One planner serves one session: the ledger and the earlier tasks carry over from
 * one {@link #run} to the next (the chat).
 */
public final class Planner {

  private final ModelBackend model;
  private final ToolHost host;
  private final ApprovalGate approvals;
  private final Budgets budgets;
  private final ToolCallListener audit;
  private final ChangeReviewer changes;
  private final StepGenerator generator;
  private final Ledger ledger = new Ledger();
  private final List<String> earlierTasks = new ArrayList<>();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final boolean keepThoughts;

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
    this.changes = changes;
    this.model = model;
    this.host = host;
    this.approvals = approvals;
    this.budgets = budgets;
    this.audit = audit;
    this.keepThoughts = keepThoughts;
    this.generator = new StepGenerator(model, budgets, sampling);
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
    var run = new Run(task, events);
    RunResult result;
    try {
      result = run.execute();
    } catch (ModelException e) {
      result = run.stop(RunResult.Status.MODEL_ERROR, e.getMessage());
    }
    earlierTasks.add(
        ActionParser.abbreviate(
            task
                + " -> "
                + (result.answered() ? result.answer() : "(no answer: " + result.status() + ")")));
    return result;
  }

  /** The state of one run. */
  private final class Run {
    private final String task;
    private final PlannerEvents events;
    private final List<HostTool> tools = new ArrayList<>(host.tools());
    private final HostTool ledgerTool = Ledger.readTool();
    private final Map<String, Object> schema;
    private final ActionChecker checker;
    private final PromptBuilder prompts;
    private final List<Exchange> history = new ArrayList<>();
    private final List<StepRecord> steps = new ArrayList<>();
    private final Map<String, Integer> earlierCalls = new HashMap<>();
    private final long start = System.nanoTime();
    private final long deadline;
    private int repeats;
    private int modelCalls;
    private int promptTokens;
    private int tokens;
    private long modelNanos;
    private long toolNanos;
    private double hostMillis;

    Run(String task, PlannerEvents events) {
      this.task = task;
      this.events = events;
      tools.add(ledgerTool);
      this.schema = ActionSchema.of(tools, budgets.actionTokens() * 2);
      this.checker = new ActionChecker(tools);
      this.prompts = new PromptBuilder(tools, task, budgets, model.contextTokens());
      this.deadline = start + budgets.maxTime().toNanos();
    }

    RunResult execute() {
      for (int number = 1; number <= budgets.maxSteps(); number++) {
        events.stepStarted(number, budgets.maxSteps());
        var step = new Step(number);
        RunResult stopped = step.chooseAction();
        if (stopped == null) {
          stopped = step.act();
        }
        if (stopped != null) {
          return stopped;
        }
        if (System.nanoTime() > deadline) {
          return timeUp();
        }
      }
      return stop(
          RunResult.Status.STEP_LIMIT,
          "no answer within "
              + budgets.maxSteps()
              + " steps; raise --max-steps or narrow the task");
    }

    /** One step: get a usable action (with retries), then answer, refuse a repeat, or call. */
    private final class Step {
      private final int number;
      private final long stepStart = System.nanoTime();
      private final List<String> rejected = new ArrayList<>();
      private long stepModelNanos;
      private long stepToolNanos;
      private int calls;
      private int stepTokens;
      private String reasoning;
      private ActionChecker.Usable usable;
      private ChangeReview change;

      Step(int number) {
        this.number = number;
      }

      /** Asks the model until an action passes the checks; a result when the run must stop. */
      RunResult chooseAction() {
        String feedback = null;
        for (int attempt = 0; attempt <= budgets.retries(); attempt++) {
          if (tokens >= budgets.maxModelTokens()) {
            return stop(
                RunResult.Status.TOKEN_LIMIT,
                "the run used its "
                    + budgets.maxModelTokens()
                    + " model tokens without an answer; raise --max-tokens or narrow the task");
          }
          var turns =
              prompts.turns(
                  task, earlierTasks, history, ledger, number, budgets.maxSteps(), feedback);
          var reply =
              generator.next(
                  turns,
                  schema,
                  budgets.maxModelTokens() - tokens,
                  deadline,
                  cancelled::get,
                  events);
          count(reply);
          if (reply.outcome() == StepGenerator.Outcome.CANCELLED) {
            return stop(RunResult.Status.CANCELLED, "cancelled by the user");
          }
          if (reply.outcome() == StepGenerator.Outcome.OUT_OF_TIME) {
            return timeUp();
          }
          reasoning = reply.reasoning();
          var outcome = checker.check(reply.reasoning(), reply.content(), reply.reasoningClosed());
          if (outcome instanceof ActionChecker.Usable u) {
            usable = u;
            return null;
          }
          feedback = ((ActionChecker.Problem) outcome).message();
          rejected.add(feedback);
          events.actionRejected(number, feedback);
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

      private void count(StepGenerator.Reply reply) {
        modelCalls += reply.calls();
        promptTokens += reply.promptTokens();
        tokens += reply.tokens();
        modelNanos += reply.nanos();
        stepModelNanos += reply.nanos();
        calls += reply.calls();
        stepTokens += reply.tokens();
        events.progress(number, tokens, tokensPerSecond(), elapsedMillis());
      }

      /** Carries out the chosen action; a result when the run ends with it. */
      RunResult act() {
        if (usable.action() instanceof Action.Answer answer) {
          record(answer.toJson(), null, null, null, 0, false);
          return finish(RunResult.Status.ANSWERED, answer.text(), null);
        }
        var call = (Action.ToolCall) usable.action();
        HostTool tool = usable.tool();
        Integer earlier = earlierCalls.get(call.identity());
        if (earlier != null) {
          return repeated(call, tool, earlier);
        }
        boolean local = tool.equals(ledgerTool); // by definition, not by a name a server could use
        change =
            local || tool.readOnly() || changes == null
                ? null
                : changes.review(tool, call.arguments());
        Decision decision =
            local ? Decision.READ_ONLY : approvals.decide(tool, call.arguments(), change);
        if (!decision.allowed()) {
          String why = decision.name().toLowerCase(java.util.Locale.ROOT);
          logCall(tool, call, decision, 0, 0, "refused: " + why, change);
          history.add(new Exchange(call, refusal(tool, decision), 0));
          record(call.toJson(), tool, call.arguments(), decision, 0, false);
          return null;
        }
        events.toolStarted(number, tool, call.arguments());
        long toolStart = System.nanoTime();
        ToolResult result =
            local ? ledger.read(call.arguments()) : host.call(tool, call.arguments());
        stepToolNanos = System.nanoTime() - toolStart;
        toolNanos += stepToolNanos;
        var done =
            logCall(
                tool,
                call,
                decision,
                stepToolNanos / 1_000_000,
                result.text().length(),
                result.error() ? result.text() : null,
                change);
        events.toolFinished(number, done);
        if (local) {
          history.add(
              new Exchange(
                  call,
                  "Ledger entry, as asked:\n" + UntrustedData.fence("the ledger", result.text()),
                  0));
        } else {
          LedgerEntry entry = ledger.add(number, tool, call.arguments(), result);
          earlierCalls.put(call.identity(), number);
          history.add(new Exchange(call, observation(entry, call.arguments()), entry.id()));
        }
        record(
            call.toJson(),
            tool,
            call.arguments(),
            decision,
            result.text().length(),
            result.error());
        return null;
      }

      /** What the model is told of a refused call; of a flagged change, why, so it can fix it. */
      private String refusal(HostTool tool, Decision decision) {
        String why = decision.name().toLowerCase(java.util.Locale.ROOT);
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
      private RunResult repeated(Action.ToolCall call, HostTool tool, int earlier) {
        repeats++;
        if (repeats >= budgets.maxRepeats()) {
          return stop(
              RunResult.Status.LOOP,
              "the model kept repeating calls it had already made (last: "
                  + ActionParser.abbreviate(call.toJson())
                  + "); stopped after "
                  + repeats
                  + " repeats");
        }
        history.add(
            new Exchange(
                call,
                "You already made this exact call in step "
                    + earlier
                    + "; its result is in the ledger. Use it, call something else, or answer.",
                0));
        record(call.toJson(), tool, call.arguments(), null, 0, false);
        return null;
      }

      /** Adds the step to the transcript; host time is what remains after model and tool time. */
      private void record(
          String action,
          HostTool tool,
          Map<String, Object> arguments,
          Decision decision,
          int resultChars,
          boolean toolError) {
        double host =
            Math.max(0, System.nanoTime() - stepStart - stepModelNanos - stepToolNanos) / 1e6;
        hostMillis += host;
        steps.add(
            new StepRecord(
                number,
                keepThoughts ? reasoning : null,
                action,
                List.copyOf(rejected),
                usable == null ? List.of() : usable.coercions(),
                tool == null ? null : tool.server(),
                tool == null ? null : tool.tool().name(),
                arguments,
                decision,
                resultChars,
                toolError,
                calls,
                stepTokens,
                stepModelNanos / 1_000_000,
                stepToolNanos / 1_000_000,
                host,
                tool == null ? null : change));
      }
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
      return label + ":\n" + UntrustedData.fence(entry.server() + "/" + entry.tool(), shown);
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
      int context = model.contextTokens();
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
        String error,
        ChangeReview change) {
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
      audit.onToolCall(r);
      return r;
    }

    private double tokensPerSecond() {
      return modelNanos == 0 ? 0 : tokens * 1e9 / modelNanos;
    }

    private long elapsedMillis() {
      return (System.nanoTime() - start) / 1_000_000;
    }

    private RunResult timeUp() {
      return stop(
          RunResult.Status.TIME_LIMIT,
          "the run reached its time limit of "
              + budgets.maxTime().toSeconds()
              + " s without an answer; raise --max-time or narrow the task");
    }

    RunResult stop(RunResult.Status status, String message) {
      return finish(status, null, message);
    }

    private RunResult finish(RunResult.Status status, String answer, String message) {
      var totals =
          new RunResult.Totals(
              steps.size(),
              modelCalls,
              promptTokens,
              tokens,
              modelNanos / 1_000_000,
              toolNanos / 1_000_000,
              hostMillis,
              elapsedMillis());
      return new RunResult(status, answer, message, List.copyOf(steps), totals);
    }
  }
}

package io.devhost.bridge.planner;

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
 * problem), refuse a repeated call, ask the ApprovalGate, call the tool, keep what it taught in the
 * Ledger. Budgets bound steps, tokens and time. One planner serves one session: the ledger and the
 * earlier tasks carry over from one {@link #run} to the next (the chat).
 */
public final class Planner {

  private final ModelBackend model;
  private final ToolHost host;
  private final ApprovalGate approvals;
  private final Budgets budgets;
  private final ToolCallListener audit;
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
      tools.add(Ledger.readTool());
      this.schema = ActionSchema.of(tools, budgets.actionTokens() * 2);
      this.checker = new ActionChecker(tools);
      this.prompts = new PromptBuilder(tools, budgets, model.contextTokens());
      this.deadline = start + budgets.maxTime().toNanos();
    }

    RunResult execute() {
      for (int step = 1; step <= budgets.maxSteps(); step++) {
        events.stepStarted(step, budgets.maxSteps());
        long stepStart = System.nanoTime();
        long stepModel = 0;
        int stepCalls = 0;
        int stepTokens = 0;
        String feedback = null;
        String reasoning = null;
        var rejected = new ArrayList<String>();
        ActionChecker.Usable checked = null;
        for (int attempt = 0; attempt <= budgets.retries() && checked == null; attempt++) {
          if (tokens >= budgets.maxModelTokens()) {
            return stop(
                RunResult.Status.TOKEN_LIMIT,
                "the run used its "
                    + budgets.maxModelTokens()
                    + " model tokens without an answer; raise --max-tokens or narrow the task");
          }
          var turns =
              prompts.turns(
                  task, earlierTasks, history, ledger, step, budgets.maxSteps(), feedback);
          var reply =
              generator.next(
                  turns,
                  schema,
                  budgets.maxModelTokens() - tokens,
                  deadline,
                  cancelled::get,
                  events);
          modelCalls += reply.calls();
          promptTokens += reply.promptTokens();
          tokens += reply.tokens();
          modelNanos += reply.nanos();
          stepModel += reply.nanos();
          stepCalls += reply.calls();
          stepTokens += reply.tokens();
          events.progress(step, tokens, tokensPerSecond(), elapsedMillis());
          if (reply.outcome() == StepGenerator.Outcome.CANCELLED) {
            return stop(RunResult.Status.CANCELLED, "cancelled by the user");
          }
          if (reply.outcome() == StepGenerator.Outcome.OUT_OF_TIME) {
            return timeUp();
          }
          reasoning = reply.reasoning();
          var outcome = checker.check(reply.reasoning(), reply.content(), reply.reasoningClosed());
          if (outcome instanceof ActionChecker.Usable usable) {
            checked = usable;
          } else {
            feedback = ((ActionChecker.Problem) outcome).message();
            rejected.add(feedback);
            events.actionRejected(step, feedback);
          }
        }
        if (checked == null) {
          return stop(
              RunResult.Status.NO_VALID_ACTION,
              "step "
                  + step
                  + ": the model gave no usable action in "
                  + (budgets.retries() + 1)
                  + " attempts; last problem: "
                  + feedback);
        }
        String thought = keepThoughts ? reasoning : null;
        if (checked.action() instanceof Action.Answer answer) {
          hostMillis += hostMillis(stepStart, stepModel, 0);
          steps.add(
              new StepRecord(
                  step,
                  thought,
                  answer.toJson(),
                  rejected,
                  null,
                  null,
                  null,
                  null,
                  0,
                  false,
                  stepCalls,
                  stepTokens,
                  stepModel / 1_000_000,
                  0,
                  hostMillis(stepStart, stepModel, 0)));
          return finish(RunResult.Status.ANSWERED, answer.text(), null);
        }
        var call = (Action.ToolCall) checked.action();
        HostTool tool = checked.tool();
        Integer earlier = earlierCalls.get(call.identity());
        if (earlier != null) {
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
          steps.add(
              new StepRecord(
                  step,
                  thought,
                  call.toJson(),
                  rejected,
                  tool.server(),
                  tool.tool().name(),
                  call.arguments(),
                  null,
                  0,
                  false,
                  stepCalls,
                  stepTokens,
                  stepModel / 1_000_000,
                  0,
                  hostMillis(stepStart, stepModel, 0)));
          continue;
        }
        Decision decision =
            tool.server().equals(Ledger.SERVER)
                ? Decision.READ_ONLY
                : approvals.decide(tool, call.arguments());
        long toolStart = System.nanoTime();
        String observation;
        int resultChars = 0;
        boolean toolError = false;
        long stepTool = 0;
        if (!decision.allowed()) {
          observation =
              "The call of "
                  + tool.name()
                  + " was refused ("
                  + decision.name().toLowerCase(java.util.Locale.ROOT)
                  + "). Do not call it again; continue with read-only tools or answer with what you know.";
          record(
              tool,
              call,
              decision,
              0,
              0,
              "refused: " + decision.name().toLowerCase(java.util.Locale.ROOT));
          history.add(new Exchange(call, observation, 0));
        } else {
          events.toolStarted(step, tool, call.arguments());
          ToolResult result =
              tool.server().equals(Ledger.SERVER)
                  ? ledger.read(call.arguments())
                  : host.call(tool, call.arguments());
          stepTool = System.nanoTime() - toolStart;
          toolNanos += stepTool;
          resultChars = result.text().length();
          toolError = result.error();
          var rec =
              record(
                  tool,
                  call,
                  decision,
                  stepTool / 1_000_000,
                  resultChars,
                  result.error() ? result.text() : null);
          events.toolFinished(step, rec);
          if (tool.server().equals(Ledger.SERVER)) {
            observation =
                "Ledger entry, as asked:\n" + UntrustedData.fence("the ledger", result.text());
            history.add(new Exchange(call, observation, 0));
          } else {
            LedgerEntry entry = ledger.add(step, tool, call.arguments(), result);
            earlierCalls.put(call.identity(), step);
            history.add(new Exchange(call, observation(entry), entry.id()));
          }
        }
        double host = hostMillis(stepStart, stepModel, stepTool);
        hostMillis += host;
        steps.add(
            new StepRecord(
                step,
                thought,
                call.toJson(),
                rejected,
                tool.server(),
                tool.tool().name(),
                call.arguments(),
                decision,
                resultChars,
                toolError,
                stepCalls,
                stepTokens,
                stepModel / 1_000_000,
                stepTool / 1_000_000,
                host));
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

    private String observation(LedgerEntry entry) {
      String text = entry.result();
      int limit = budgets.resultChars();
      String shown = text.length() <= limit ? text : text.substring(0, limit);
      String label =
          (entry.error() ? "The call failed" : "Result")
              + " (ledger #"
              + entry.id()
              + ", "
              + entry.server()
              + "/"
              + entry.tool()
              + ")";
      String cut =
          text.length() <= limit
              ? ""
              : "\n[cut: "
                  + (text.length() - limit)
                  + " more characters; call "
                  + Ledger.READ_TOOL
                  + " {\"entry\": "
                  + entry.id()
                  + ", \"offset\": "
                  + limit
                  + "} to read on]";
      return label + ":\n" + UntrustedData.fence(entry.server() + "/" + entry.tool(), shown) + cut;
    }

    private ToolCallRecord record(
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
              error);
      audit.onToolCall(r);
      return r;
    }

    private double hostMillis(long stepStart, long stepModel, long stepTool) {
      return Math.max(0, System.nanoTime() - stepStart - stepModel - stepTool) / 1e6;
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
              + budgets.maxTime()
              + " without an answer; raise --max-time or narrow the task");
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

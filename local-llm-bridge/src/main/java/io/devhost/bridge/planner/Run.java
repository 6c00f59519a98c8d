package io.devhost.bridge.planner;

import io.devhost.bridge.host.HostTool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The conversation of one run that its steps build on: the task, the tools with the ledger's own,
 * the action schema and checks made from them, and what was said so far. Counters are not kept
 * here: each step returns a {@link Meter}.
 */
final class Run {

  final String task;
  final PlannerEvents events;
  final List<HostTool> tools;

  /**
   * The planner's own ledger_read tool, told apart by identity, not by a name a server could use.
   */
  final HostTool ledgerTool = Ledger.readTool();

  final Map<String, Object> schema;
  final ActionChecker checker;
  final PromptBuilder prompts;

  /** The calls and what the model was told of each, in order. */
  final List<Exchange> history = new ArrayList<>();

  /** A call's identity to the step that made it, to refuse an identical call. */
  final Map<String, Integer> earlierCalls = new HashMap<>();

  private final long start = System.nanoTime();
  private final long deadline;

  Run(String task, PlannerEvents events, List<HostTool> hostTools, Budgets budgets, int context) {
    this.task = task;
    this.events = events;
    var all = new ArrayList<>(hostTools);
    all.add(ledgerTool);
    this.tools = List.copyOf(all);
    this.schema = ActionSchema.of(tools, budgets.actionTokens() * 2);
    this.checker = new ActionChecker(tools);
    this.prompts = new PromptBuilder(tools, task, budgets, context);
    this.deadline = start + budgets.maxTime().toNanos();
  }

  long deadline() {
    return deadline;
  }

  boolean pastDeadline() {
    return System.nanoTime() > deadline;
  }

  long elapsedMillis() {
    return (System.nanoTime() - start) / 1_000_000;
  }
}

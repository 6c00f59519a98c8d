package io.devhost.bridge.planner;

import io.devhost.bridge.changes.ChangeReviewer;
import io.devhost.bridge.host.ToolHost;
import io.devhost.bridge.model.ModelBackend;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What every step of a planner's runs works with: the model, the tools, the gate, the budgets and
 * the session's ledger.
 *
 * @param changes previews and screens writes before the gate decides; null for none
 * @param earlierTasks the session's earlier tasks and how they ended, for the chat
 * @param cancelled whether the user cancelled the run in progress
 * @param keepThoughts keep each step's reasoning in the transcript
 */
record PlannerParts(
    ModelBackend model,
    ToolHost host,
    ApprovalGate approvals,
    Budgets budgets,
    ToolCallListener audit,
    ChangeReviewer changes,
    StepGenerator generator,
    Ledger ledger,
    List<String> earlierTasks,
    BooleanSupplier cancelled,
    boolean keepThoughts) {}

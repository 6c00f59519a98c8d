package io.devhost.bridge.planner;

/**
 * How one step ended: the run goes on, has its answer, or stops with a reason. Each carries what
 * the step consumed, which the run adds to its total.
 */
sealed interface StepOutcome {

  Meter meter();

  /** A tool was called, refused or found repeated; the run takes another step. */
  record Continue(StepRecord record, Meter meter, boolean repeated) implements StepOutcome {}

  /** The model answered. */
  record Answer(String text, StepRecord record, Meter meter) implements StepOutcome {}

  /** The run cannot go on: a budget ran out, the user cancelled, the model failed or looped. */
  record Stop(RunResult.Status status, String message, Meter meter) implements StepOutcome {}
}

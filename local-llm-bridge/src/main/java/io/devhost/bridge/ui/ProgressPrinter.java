package io.devhost.bridge.ui;

import io.devhost.bridge.host.HostTool;
import io.devhost.bridge.planner.PlannerEvents;
import io.devhost.bridge.planner.ToolCallRecord;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shows a run's progress on stderr: each step, each call with its decision, size and time, and
 * rejected replies; the reasoning itself, dimmed, when asked for.
 */
public final class ProgressPrinter implements PlannerEvents {

  private static final String DIM = "\u001b[2m";
  private static final String RESET = "\u001b[0m";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PrintWriter err;
  private final boolean showThoughts;
  private final boolean ansi;
  private boolean midLine;

  public ProgressPrinter(PrintWriter err, boolean showThoughts, boolean ansi) {
    this.err = err;
    this.showThoughts = showThoughts;
    this.ansi = ansi;
  }

  @Override
  public void stepStarted(int step, int maxSteps) {
    line("step " + step + "/" + maxSteps);
  }

  @Override
  public void reasoning(String delta) {
    if (showThoughts) {
      err.print(ansi ? DIM + delta + RESET : delta);
      err.flush();
      midLine = !delta.endsWith("\n");
    }
  }

  @Override
  public void actionRejected(int step, String problem) {
    line("  reply rejected, asking again: " + problem);
  }

  @Override
  public void toolStarted(int step, HostTool tool, Map<String, Object> arguments) {
    String args = JSON.writeValueAsString(arguments);
    line("  -> " + tool.name() + " " + (args.length() > 200 ? args.substring(0, 200) + "…" : args));
  }

  @Override
  public void toolFinished(int step, ToolCallRecord r) {
    String outcome = r.error() == null ? r.resultChars() + " chars" : "error: " + r.error();
    line(
        String.format(
            Locale.ROOT,
            "  <- %s %d ms, %s",
            r.decision().name().toLowerCase(Locale.ROOT),
            r.durationMillis(),
            outcome.length() > 200 ? outcome.substring(0, 200) + "…" : outcome));
  }

  @Override
  public void progress(int step, int tokens, double tokensPerSecond, long elapsedMillis) {
    line(
        String.format(
            Locale.ROOT,
            "  %d tokens, %.1f tok/s, %.1f s",
            tokens,
            tokensPerSecond,
            elapsedMillis / 1000.0));
  }

  private void line(String text) {
    if (midLine) {
      err.println();
      midLine = false;
    }
    err.println(text);
    err.flush();
  }
}

package io.devhost.server.cli;

import io.devhost.bridge.Bridge;
import io.devhost.bridge.model.ModelException;
import io.devhost.bridge.planner.PlannerEvents;
import io.devhost.bridge.planner.RunResult;
import io.devhost.bridge.planner.ToolCallListener;
import io.devhost.bridge.ui.ProgressPrinter;
import io.devhost.bridge.ui.SystemConsole;
import io.devhost.bridge.ui.Transcript;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code devhost ask "TASK"}: one task for the local model, which plans tool calls on the MCP
 * servers. The answer (or the transcript) goes to stdout; progress and questions to stderr.
 */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description = {
      "Have a local DeepSeek-R1 distill answer TASK with the tools of the MCP servers.",
      "Exit 0 with an answer, 1 without one (budget, loop, refused), 2 on a configuration error."
    })
final class AskCommand implements Callable<Integer> {

  @Mixin BridgeOptions options;

  @Parameters(index = "0", paramLabel = "TASK", description = "What to find out or do.")
  String task;

  @Option(names = "--json", description = "Print the transcript as JSON instead of the answer.")
  boolean json;

  @Option(
      names = "--thoughts",
      description = "Stream the reasoning to stderr and keep it in --json.")
  boolean thoughts;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    var out = spec.commandLine().getOut();
    var config = options.config(thoughts, System.getenv());
    ToolCallListener audit = options.audit();
    try (Bridge bridge = Bridge.open(config, new SystemConsole(), audit)) {
      PlannerEvents events =
          quiet ? PlannerEvents.NONE : new ProgressPrinter(err, thoughts, System.console() != null);
      RunResult result = bridge.planner().run(task, events);
      if (json) {
        out.println(Transcript.json(task, bridge.model().describe(), result));
      } else if (result.answered()) {
        out.println(result.answer());
      }
      out.flush();
      if (!result.answered()) {
        err.println("devhost: " + result.message());
        err.flush();
        return 1;
      }
      return 0;
    } catch (ModelException e) {
      err.println("devhost: " + e.getMessage());
      err.flush();
      return 2;
    } finally {
      if (audit instanceof AutoCloseable closeable) {
        closeQuietly(closeable);
      }
    }
  }

  static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // the audit log was flushed line by line; nothing is lost
    }
  }
}

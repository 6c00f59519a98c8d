package io.devhost.server.config;

import io.devhost.server.policy.ConfirmMode;
import io.devhost.server.policy.ToolTimeouts;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How one tool call runs: confirmation of destructive calls and the time limit. Honoured by every
 * command that calls tools ({@code serve}, {@code demo}, {@code call}); {@code tools} calls none.
 */
public final class CallOptions {

  @Option(
      names = "--confirm",
      paramLabel = "MODE",
      defaultValue = "auto",
      description =
          "Tools that write: 'auto' asks the user through the client's elicitation form where"
              + " the client supports it, else leaves it to the client's own approval prompt"
              + " (driven by the tools' annotations); 'ask' always elicits and refuses when"
              + " the client cannot; 'never' asks nobody (scripts, CI). Default: ${DEFAULT-VALUE}.")
  ConfirmMode confirm;

  @Option(
      names = "--tool-timeout",
      split = ",",
      paramLabel = "GLOB=SECONDS",
      description =
          "Time limit per tool call, e.g. 60 or query_*=30,60. The first matching glob wins; a"
              + " bare number applies to every tool. Default: "
              + ToolTimeouts.DEFAULT_SECONDS
              + " s.")
  List<String> toolTimeouts = new ArrayList<>();

  public ConfirmMode confirm() {
    return confirm;
  }

  public ToolTimeouts toolTimeouts() {
    return ToolTimeouts.parse(toolTimeouts);
  }
}

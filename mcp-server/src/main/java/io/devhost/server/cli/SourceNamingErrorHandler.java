package io.devhost.server.cli;

import io.devhost.server.config.LayeredDefaults;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a bad option value together with where it came from, so a wrong value in the config file
 * or an environment variable is as easy to find as a wrong flag; and an option that belongs to
 * other commands with the commands that take it, since a command refuses options it would ignore.
 */
final class SourceNamingErrorHandler implements CommandLine.IParameterExceptionHandler {

  private final LayeredDefaults defaults;

  SourceNamingErrorHandler(LayeredDefaults defaults) {
    this.defaults = defaults;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    var err = ex.getCommandLine().getErr();
    String message = ex.getMessage();
    if (ex instanceof UnmatchedArgumentException unmatched) {
      message = elsewhere(unmatched, ex.getCommandLine().getCommandName()).orElse(message);
    }
    if (ex.getArgSpec() instanceof OptionSpec option && defaults.sourceOf(option) != null) {
      message += " (from " + defaults.sourceOf(option) + ")";
    }
    err.println("devhost: " + message);
    err.println("Try 'devhost " + ex.getCommandLine().getCommandName() + " --help'.");
    err.flush();
    return 2;
  }

  /**
   * "tools does not take --confirm: it is an option of serve, demo, call", when the first unmatched
   * option belongs to other commands.
   */
  private static Optional<String> elsewhere(UnmatchedArgumentException ex, String command) {
    var unmatched = ex.getUnmatched();
    if (unmatched.isEmpty() || !unmatched.get(0).startsWith("--")) {
      return Optional.empty();
    }
    String option = unmatched.get(0).split("=", 2)[0];
    List<String> takers =
        DevhostCommand.commandLine().getSubcommands().entrySet().stream()
            .filter(sub -> sub.getValue().getCommandSpec().findOption(option) != null)
            .map(Map.Entry::getKey)
            .toList();
    if (takers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        command
            + " does not take "
            + option
            + ": it would have no effect here. It is an option of "
            + String.join(", ", takers)
            + ".");
  }
}

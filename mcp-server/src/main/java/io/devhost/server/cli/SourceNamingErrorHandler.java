package io.devhost.server.cli;

import io.devhost.server.config.LayeredDefaults;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Reports a bad option value together with where it came from, so a wrong value in the config file
 * or an environment variable is as easy to find as a wrong flag.
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
    if (ex.getArgSpec() instanceof OptionSpec option && defaults.sourceOf(option) != null) {
      message += " (from " + defaults.sourceOf(option) + ")";
    }
    err.println("devhost: " + message);
    err.println("Try 'devhost " + ex.getCommandLine().getCommandName() + " --help'.");
    err.flush();
    return 2;
  }
}

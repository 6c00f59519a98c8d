package io.devhost.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns a configuration error raised while a command starts (a root that does not exist, two
 * toolsets defining one tool) into one line on stderr instead of a stack trace.
 */
final class CleanErrorHandler implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) {
    if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
      cli.getErr().println("devhost: " + ex.getMessage());
      cli.getErr().flush();
      return 2;
    }
    throw new RuntimeException(ex);
  }
}

package io.devhost.bridge.ui;

import io.devhost.bridge.host.UserConsole;
import java.io.Console;

/**
 * The terminal of a one-shot run: questions go to the terminal itself (never to stdout, which
 * carries the answer). Without a terminal (piped, in CI) nobody can answer, so nothing that needs
 * approval runs.
 */
public final class SystemConsole implements UserConsole {

  private final Console console = System.console();

  @Override
  public boolean interactive() {
    return console != null;
  }

  @Override
  public String ask(String question) {
    return console == null ? null : console.readLine("%s", question);
  }
}

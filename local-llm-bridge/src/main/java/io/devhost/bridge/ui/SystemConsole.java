package io.devhost.bridge.ui;

import io.devhost.bridge.host.UserConsole;
import java.io.BufferedReader;
import java.io.Console;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The terminal of a one-shot run. Questions go to the terminal itself, never to stdout, which
 * carries the answer: {@code devhost ask ... > answer.txt} still asks at the terminal, through
 * {@code /dev/tty} (Java has no console once stdout is redirected). With no terminal at all (CI, a
 * pipe from another program) nobody can answer, and nothing that needs approval runs.
 */
public final class SystemConsole implements UserConsole {

  private final Console console = System.console();
  private boolean probed;
  private BufferedReader ttyIn;
  private PrintStream ttyOut;

  @Override
  public synchronized boolean interactive() {
    return console != null || tty();
  }

  @Override
  public synchronized String ask(String question) {
    if (console != null) {
      return console.readLine("%s", question);
    }
    if (!tty()) {
      return null;
    }
    ttyOut.print(question);
    ttyOut.flush();
    try {
      return ttyIn.readLine();
    } catch (IOException e) {
      return null;
    }
  }

  /** Opens the controlling terminal on first use; false when the process has none. */
  private boolean tty() {
    if (!probed) {
      probed = true;
      try {
        ttyIn =
            new BufferedReader(
                new InputStreamReader(new FileInputStream("/dev/tty"), StandardCharsets.UTF_8));
        ttyOut = new PrintStream(new FileOutputStream("/dev/tty"), true, StandardCharsets.UTF_8);
      } catch (IOException | SecurityException noTerminal) {
        ttyIn = null;
        ttyOut = null;
      }
    }
    return ttyIn != null;
  }
}

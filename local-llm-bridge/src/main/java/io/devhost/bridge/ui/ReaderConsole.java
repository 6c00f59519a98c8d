package io.devhost.bridge.ui;

import io.devhost.bridge.host.UserConsole;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/** The chat's terminal as the console that approvals, elicitation and sampling ask through. */
public final class ReaderConsole implements UserConsole {

  private final LineReader reader;

  public ReaderConsole(LineReader reader) {
    this.reader = reader;
  }

  @Override
  public boolean interactive() {
    return true;
  }

  @Override
  public String ask(String question) {
    try {
      return reader.readLine(question);
    } catch (UserInterruptException | EndOfFileException e) {
      return null; // Ctrl-C or Ctrl-D at a question is a "no"
    }
  }
}

package io.devhost.bridge.testing;

import io.devhost.bridge.host.UserConsole;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/** A terminal whose user types the given lines in order; the questions asked are kept. */
public final class ScriptedConsole implements UserConsole {

  private final Deque<String> answers;
  private final List<String> questions = Collections.synchronizedList(new ArrayList<>());

  public ScriptedConsole(String... answers) {
    this.answers = new ArrayDeque<>(List.of(answers));
  }

  public List<String> questions() {
    return List.copyOf(questions);
  }

  @Override
  public boolean interactive() {
    return true;
  }

  @Override
  public synchronized String ask(String question) {
    questions.add(question);
    return answers.poll();
  }
}

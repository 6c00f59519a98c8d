package io.devhost.bridge.host;

/**
 * The person at the terminal: asked before anything writes, when a server elicits input, and before
 * a server may use the local model. Prompts go to stderr; stdout carries only answers.
 */
public interface UserConsole {

  /** A console for runs nobody watches: every question is answered "no". */
  UserConsole NON_INTERACTIVE =
      new UserConsole() {
        @Override
        public boolean interactive() {
          return false;
        }

        @Override
        public String ask(String question) {
          return null;
        }
      };

  /** False when nobody can answer (no terminal, or the run was started non-interactively). */
  boolean interactive();

  /** Shows the question and returns the line typed, or null when there is no answer. */
  String ask(String question);
}

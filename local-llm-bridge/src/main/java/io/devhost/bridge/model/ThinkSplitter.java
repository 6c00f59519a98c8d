package io.devhost.bridge.model;

/**
 * Splits streamed text into reasoning and answer at the {@code <think>} tags, across delta
 * boundaries. R1 chat templates usually put the opening {@code <think>} into the prompt, so the
 * reply starts mid-thought with no opening tag; an explicit opening tag is accepted too.
 */
final class ThinkSplitter {

  private static final String OPEN = "<think>";
  private static final String CLOSE = "</think>";

  private enum State {
    START,
    THOUGHT,
    ANSWER
  }

  private final TokenListener listener;
  private final StringBuilder reasoning = new StringBuilder();
  private final StringBuilder content = new StringBuilder();
  private final StringBuilder pending = new StringBuilder();
  private State state;
  private boolean closed;

  /**
   * @param startsInThought true when the reply begins inside the reasoning (R1); false when the
   *     reasoning was already closed and the reply is the answer
   */
  ThinkSplitter(boolean startsInThought, TokenListener listener) {
    this.listener = listener;
    this.state = startsInThought ? State.START : State.ANSWER;
  }

  void accept(String delta) {
    pending.append(delta);
    while (drain()) {
      // each pass consumes a tag or emits text; repeat until nothing more can be decided
    }
  }

  /** Ends the stream: whatever is pending belongs to the current part. */
  void finish() {
    if (state == State.ANSWER) {
      emitContent(pending.toString());
    } else {
      emitReasoning(pending.toString());
    }
    pending.setLength(0);
  }

  String reasoning() {
    return reasoning.toString().strip();
  }

  String content() {
    return content.toString().strip();
  }

  boolean reasoningClosed() {
    return closed;
  }

  private boolean drain() {
    switch (state) {
      case START -> {
        String head = pending.toString().stripLeading();
        if (head.startsWith(OPEN)) {
          pending.setLength(0);
          pending.append(head.substring(OPEN.length()));
          state = State.THOUGHT;
          return true;
        }
        if (OPEN.startsWith(head)) {
          return false; // maybe the opening tag, split across deltas
        }
        state = State.THOUGHT;
        return true;
      }
      case THOUGHT -> {
        int end = pending.indexOf(CLOSE);
        if (end >= 0) {
          emitReasoning(pending.substring(0, end));
          pending.delete(0, end + CLOSE.length());
          state = State.ANSWER;
          closed = true;
          return true;
        }
        int keep = partialSuffix(pending, CLOSE);
        emitReasoning(pending.substring(0, pending.length() - keep));
        pending.delete(0, pending.length() - keep);
        return false;
      }
      default -> {
        emitContent(pending.toString());
        pending.setLength(0);
        return false;
      }
    }
  }

  /** Length of the longest suffix of {@code text} that is a proper prefix of {@code tag}. */
  private static int partialSuffix(CharSequence text, String tag) {
    for (int k = Math.min(tag.length() - 1, text.length()); k > 0; k--) {
      if (tag.startsWith(text.subSequence(text.length() - k, text.length()).toString())) {
        return k;
      }
    }
    return 0;
  }

  private void emitReasoning(String text) {
    if (!text.isEmpty()) {
      reasoning.append(text);
      listener.onReasoning(text);
    }
  }

  private void emitContent(String text) {
    if (!text.isEmpty()) {
      content.append(text);
      listener.onContent(text);
    }
  }
}

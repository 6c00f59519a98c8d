package io.devhost.bridge.model;

/**
 * Assembles a streamed reply from a server that may send reasoning in a separate field ({@code
 * thinking}, {@code reasoning}, {@code reasoning_content}) or inline in {@code <think>} tags.
 * Servers with a reasoning parser send all reasoning before the answer, so by the first piece of
 * answer it is known which of the two it is.
 */
final class StreamedReply {

  private final boolean startsInThought;
  private final TokenListener listener;
  private final StringBuilder fieldReasoning = new StringBuilder();
  private ThinkSplitter inline;
  private int pieces;

  StreamedReply(boolean startsInThought, TokenListener listener) {
    this.startsInThought = startsInThought;
    this.listener = listener;
  }

  void reasoningField(String delta) {
    if (delta != null && !delta.isEmpty()) {
      pieces++;
      fieldReasoning.append(delta);
      listener.onReasoning(delta);
    }
  }

  void content(String delta) {
    if (delta == null || delta.isEmpty()) {
      return;
    }
    pieces++;
    if (inline == null) {
      inline = new ThinkSplitter(startsInThought && fieldReasoning.isEmpty(), listener);
    }
    inline.accept(delta);
  }

  /** Number of streamed pieces, an estimate of tokens when the server reports no usage. */
  int pieces() {
    return pieces;
  }

  Generation finish(
      int promptTokens, int completionTokens, java.time.Duration elapsed, Generation.Finish f) {
    String reasoning = fieldReasoning.toString().strip();
    String content = "";
    boolean closed = !startsInThought || !reasoning.isEmpty();
    if (inline != null) {
      inline.finish();
      reasoning = (reasoning + "\n" + inline.reasoning()).strip();
      content = inline.content();
      closed = closed || inline.reasoningClosed();
    }
    int tokens = completionTokens > 0 ? completionTokens : pieces;
    return new Generation(reasoning, content, closed, promptTokens, tokens, elapsed, f);
  }
}

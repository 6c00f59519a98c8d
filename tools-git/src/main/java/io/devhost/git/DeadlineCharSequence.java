package io.devhost.git;

import io.devhost.core.ToolException;

/**
 * Text for a regular expression written by a model, with a time limit. Java's regex engine
 * backtracks, so a pattern like {@code (a+)+$} can run for hours on one line; the engine reads the
 * text only through {@link #charAt}, which is where the limit is checked (every 64k reads, so the
 * check costs nothing measurable).
 */
final class DeadlineCharSequence implements CharSequence {

  private final String text;
  private final long deadlineNanos;
  private int reads;

  DeadlineCharSequence(String text, long deadlineNanos) {
    this.text = text;
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public char charAt(int index) {
    if ((++reads & 0xFFFF) == 0 && System.nanoTime() > deadlineNanos) {
      throw new ToolException(
          ToolException.Kind.TIMEOUT,
          "The search took too long; the pattern backtracks heavily. Use a simpler pattern"
              + " or fixedStrings=true, or narrow it with path.");
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.subSequence(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}

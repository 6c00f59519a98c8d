package io.devhost.core;

/**
 * Size caps on what a tool sends back.
 *
 * <p>The common TypeScript client drops a stdio connection on a message over 10 MB, so the hard cap
 * sits well under it. Tools that return bulk data page it themselves (see {@link Cursor}); this cap
 * is the last line that keeps a runaway result from reaching the client.
 *
 * @param maxResultBytes the largest structured result sent, in bytes of JSON
 * @param maxInlineTextChars the longest text rendering sent beside the structured result; past it
 *     the text is cut, so bulk data is not sent twice in full
 */
public record ResultLimits(int maxResultBytes, int maxInlineTextChars) {

  public static final ResultLimits DEFAULT = new ResultLimits(4 * 1024 * 1024, 16 * 1024);

  public ResultLimits {
    if (maxResultBytes < 1024) {
      throw new IllegalArgumentException("maxResultBytes must be at least 1024");
    }
    if (maxInlineTextChars < 256) {
      throw new IllegalArgumentException("maxInlineTextChars must be at least 256");
    }
  }

  String inlineText(String text) {
    if (text.length() <= maxInlineTextChars) {
      return text;
    }
    int cut = maxInlineTextChars;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut)
        + "\n… [text cut at "
        + cut
        + " of "
        + text.length()
        + " characters; the full result is in structuredContent]";
  }
}

package io.devhost.server.http;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The response of a legacy SSE stream, watched until the SDK's {@code endpoint} event names the
 * stream's session id, which it hands to {@code opened}; everything passes through unchanged. The
 * SDK makes the id up inside its servlet and says it only in that event, so this is where the
 * session can be tied to the caller that opened it.
 */
final class SseSessionCapture extends HttpServletResponseWrapper {

  private static final Pattern SESSION_ID = Pattern.compile("sessionId=([0-9A-Za-z-]+)\\n");

  /** The endpoint event is the stream's first; past this many characters nothing is watched. */
  private static final int WATCH_LIMIT = 4096;

  private final Consumer<String> opened;
  private PrintWriter writer;

  SseSessionCapture(HttpServletResponse response, Consumer<String> opened) {
    super(response);
    this.opened = opened;
  }

  @Override
  public synchronized PrintWriter getWriter() throws IOException {
    if (writer == null) {
      writer = new Watching(super.getWriter());
    }
    return writer;
  }

  /**
   * The container's writer with the first writes watched; flushing and error checks are its own, so
   * the SDK sees a disconnected client exactly as without the watch.
   */
  private final class Watching extends PrintWriter {
    private final PrintWriter out;
    private StringBuilder seen = new StringBuilder();

    Watching(PrintWriter out) {
      super(out);
      this.out = out;
    }

    @Override
    public void write(String text, int offset, int length) {
      out.write(text, offset, length);
      watch(text.substring(offset, offset + length));
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      out.write(chars, offset, length);
      watch(new String(chars, offset, length));
    }

    @Override
    public void write(int c) {
      out.write(c);
      watch(String.valueOf((char) c));
    }

    private synchronized void watch(String text) {
      if (seen == null) {
        return;
      }
      seen.append(text);
      var id = SESSION_ID.matcher(seen);
      if (id.find()) {
        seen = null;
        opened.accept(id.group(1));
      } else if (seen.length() > WATCH_LIMIT) {
        seen = null;
      }
    }

    @Override
    public void flush() {
      out.flush();
    }

    @Override
    public boolean checkError() {
      return out.checkError();
    }

    @Override
    public void close() {
      out.close();
    }
  }
}

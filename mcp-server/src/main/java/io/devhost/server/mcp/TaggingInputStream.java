package io.devhost.server.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Stdin for the stdio transport, passed line by line through a {@link RequestTagger}. Stdio MCP
 * messages are newline-delimited, so a line is exactly one message. Lines the tagger rejects go to
 * {@code rejected} as error responses; end of input is signalled so the server can shut down when
 * the client goes away.
 */
public final class TaggingInputStream extends InputStream {

  private final InputStream in;
  private final RequestTagger tagger;
  private final Consumer<String> rejected;
  private final Runnable onEnd;
  private final int maxLineBytes;
  private final byte[] buf = new byte[64 * 1024];
  private int bufPos;
  private int bufLen;
  private byte[] pending = new byte[0];
  private int pos;
  private boolean ended;

  /**
   * @param maxLineBytes longer messages are skipped and answered with an error here; the SDK would
   *     end the session on them
   */
  public TaggingInputStream(
      InputStream in,
      RequestTagger tagger,
      Consumer<String> rejected,
      Runnable onEnd,
      int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.tagger = tagger;
    this.rejected = rejected;
    this.onEnd = onEnd;
  }

  @Override
  public int read() throws IOException {
    if (!ensure()) {
      return -1;
    }
    return pending[pos++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!ensure()) {
      return -1;
    }
    int n = Math.min(len, pending.length - pos);
    System.arraycopy(pending, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public int available() {
    return pending.length - pos;
  }

  private boolean ensure() throws IOException {
    while (pos == pending.length) {
      if (ended) {
        return false;
      }
      byte[] line = readLine();
      if (line == null) {
        ended = true;
        onEnd.run();
        return false;
      }
      if (line == TOO_LONG) {
        rejected.accept(
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":"
                + "\"Invalid Request: the message is longer than "
                + maxLineBytes
                + " bytes.\"}}");
        continue;
      }
      String message = new String(line, StandardCharsets.UTF_8);
      if (message.isBlank()) {
        continue;
      }
      try {
        pending = (tagger.tag(message) + "\n").getBytes(StandardCharsets.UTF_8);
        pos = 0;
      } catch (RequestTagger.InvalidMessage e) {
        rejected.accept(e.response());
      }
    }
    return true;
  }

  /** Marks a line that was skipped for its length. */
  private static final byte[] TOO_LONG = new byte[0];

  private byte[] readLine() throws IOException {
    var line = new ByteArrayOutputStream(512);
    boolean tooLong = false;
    while (true) {
      if (bufPos == bufLen) {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
          return tooLong ? TOO_LONG : line.size() > 0 ? line.toByteArray() : null;
        }
        bufPos = 0;
        bufLen = n;
      }
      for (int i = bufPos; i < bufLen; i++) {
        if (buf[i] == '\n') {
          line.write(buf, bufPos, i - bufPos);
          bufPos = i + 1;
          return tooLong || line.size() > maxLineBytes ? TOO_LONG : line.toByteArray();
        }
      }
      line.write(buf, bufPos, bufLen - bufPos);
      bufPos = bufLen;
      if (line.size() > maxLineBytes) {
        tooLong = true;
        line.reset();
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

package io.devhost.server.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Stdin for the stdio transport, passed line by line through a {@link RequestTagger}. Stdio MCP
 * messages are newline-delimited, so a line is exactly one message. Signals end of input so the
 * server can shut down when the client goes away.
 */
public final class TaggingInputStream extends InputStream {

  private final InputStream in;
  private final RequestTagger tagger;
  private final Runnable onEnd;
  private byte[] pending = new byte[0];
  private int pos;
  private boolean ended;

  public TaggingInputStream(InputStream in, RequestTagger tagger, Runnable onEnd) {
    this.in = in;
    this.tagger = tagger;
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
      String tagged = tagger.tag(new String(line, StandardCharsets.UTF_8));
      pending = (tagged + "\n").getBytes(StandardCharsets.UTF_8);
      pos = 0;
    }
    return true;
  }

  private byte[] readLine() throws IOException {
    var buf = new ByteArrayOutputStream(256);
    int c;
    boolean any = false;
    while ((c = in.read()) != -1) {
      any = true;
      if (c == '\n') {
        return buf.toByteArray();
      }
      buf.write(c);
    }
    return any ? buf.toByteArray() : null;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

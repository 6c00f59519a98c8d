package io.devhost.server.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Stdout shared by the SDK's transport and the {@link RequestTagger}'s error replies. Bytes are
 * collected per line and each complete line is written under one lock, so two writers can never
 * interleave inside a message.
 */
final class LineAtomicOutputStream extends OutputStream {

  // The SDK serializes a response as {"jsonrpc":"2.0","id":...}, a request as
  // {"jsonrpc":"2.0","method":...}: the prefix tells a response without parsing the line.
  private static final byte[] RESPONSE_PREFIX =
      "{\"jsonrpc\":\"2.0\",\"id\":".getBytes(StandardCharsets.UTF_8);

  private final OutputStream out;
  private final Runnable onResponse;
  private final LineBuffer line = new LineBuffer();

  /**
   * @param onResponse called after each response the SDK wrote
   */
  LineAtomicOutputStream(OutputStream out, Runnable onResponse) {
    this.out = out;
    this.onResponse = onResponse;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    line.write(b);
    if (b == '\n') {
      emit();
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    int start = off;
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        line.write(b, start, i - start + 1);
        emit();
        start = i + 1;
      }
    }
    line.write(b, start, off + len - start);
  }

  /** Writes one whole message line, never interleaved with the SDK's output. */
  synchronized void writeLine(String message) throws IOException {
    out.write((message + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public synchronized void flush() throws IOException {
    out.flush();
  }

  private void emit() throws IOException {
    boolean response = line.startsWith(RESPONSE_PREFIX);
    line.writeTo(out);
    line.reset();
    out.flush();
    if (response) {
      onResponse.run();
    }
  }

  /** A byte buffer that can look at its start without copying a multi-megabyte line. */
  private static final class LineBuffer extends ByteArrayOutputStream {
    LineBuffer() {
      super(4096);
    }

    boolean startsWith(byte[] prefix) {
      return count >= prefix.length
          && Arrays.equals(buf, 0, prefix.length, prefix, 0, prefix.length);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}

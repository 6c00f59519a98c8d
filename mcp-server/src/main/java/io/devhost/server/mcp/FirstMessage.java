package io.devhost.server.mcp;

import io.devhost.server.modern.Era;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;

/**
 * The first message on stdin decides the era of the whole stdio connection: an {@code initialize}
 * (or anything without a modern version claim) opens a 2025-era session, a request with a {@code
 * _meta} protocol version or {@code server/discover} makes it a stateless 2026-07-28 connection.
 * The message is read here and replayed, unchanged, to the transport of that era.
 */
record FirstMessage(Era era, InputStream replay) {

  /**
   * Reads up to the end of the first non-blank line; a line longer than {@code maxBytes} is not
   * parsed (legacy, whose transport refuses it with its error).
   */
  static FirstMessage read(InputStream in, int maxBytes) throws IOException {
    var buffered = new BufferedInputStream(in);
    var head = new ByteArrayOutputStream();
    var line = new ByteArrayOutputStream();
    while (true) {
      int b = buffered.read();
      if (b == -1) {
        head.write(line.toByteArray());
        return new FirstMessage(Era.LEGACY, replay(head, buffered));
      }
      if (b != '\n') {
        if (line.size() <= maxBytes) {
          line.write(b);
        } else {
          head.write(line.toByteArray());
          return new FirstMessage(Era.LEGACY, replay(head, buffered));
        }
        continue;
      }
      line.write('\n');
      head.write(line.toByteArray());
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      if (!text.isBlank()) {
        return new FirstMessage(Era.ofMessage(text, null), replay(head, buffered));
      }
    }
  }

  private static InputStream replay(ByteArrayOutputStream head, InputStream rest) {
    return new SequenceInputStream(new ByteArrayInputStream(head.toByteArray()), rest);
  }
}

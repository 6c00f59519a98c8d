package io.devhost.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests the JDK client will not send (a forged {@code Host}
 * header, a body that lies about its size).
 */
public final class RawHttp {

  /** A parsed response. Header names are lower case. */
  public record Response(int status, Map<String, String> headers, String body) {}

  private RawHttp() {}

  public static Response send(
      int port, String method, String path, Map<String, String> headers, String body)
      throws IOException {
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      var request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      if (body != null && !headers.containsKey("Content-Length")) {
        request.append("Content-Length: ").append(bytes.length).append("\r\n");
      }
      request.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes);
      out.flush();
      return read(socket.getInputStream());
    }
  }

  static Response read(InputStream in) throws IOException {
    var all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    var headers = new LinkedHashMap<String, String>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    return new Response(status, headers, body);
  }
}

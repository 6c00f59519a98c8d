package io.devhost.server.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The bodies of the HTTP errors DevHost sends itself: a JSON-RPC error without an id, as the
 * Streamable HTTP spec suggests, with a fixed message that names the problem and never an
 * exception, class name or stack trace.
 */
final class ErrorBodies {

  private ErrorBodies() {}

  static void send(HttpServletResponse response, int status, String message) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    byte[] body = json(message).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  static String json(String message) {
    return "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,\"message\":\""
        + message.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\"}}";
  }
}

package io.devhost.server.http;

import io.devhost.core.Json;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Catches the error bodies the SDK's servlets write and replaces them with a plain JSON-RPC error.
 * The SDK serializes its whole {@code McpError} exception, stack trace and class names included;
 * only the error code and a message free of internals reach the client.
 */
final class SanitizedErrorResponse extends HttpServletResponseWrapper {

  /** A message that names Java classes or packages is replaced by a generic one. */
  private static final Pattern INTERNALS =
      Pattern.compile("(\\b[a-z]+\\.[a-z]+\\.[A-Za-z]|Exception|\\bat [a-z])");

  private StringWriter captured;

  SanitizedErrorResponse(HttpServletResponse response) {
    super(response);
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (getStatus() < 400) {
      return super.getWriter();
    }
    if (captured == null) {
      captured = new StringWriter();
    }
    return new PrintWriter(captured);
  }

  /** Writes the cleaned error, if an error body was captured. Call after the chain returns. */
  void finish() throws IOException {
    if (captured == null) {
      return;
    }
    JsonNode root = parse(captured.toString());
    JsonNode error = root.has("jsonRpcError") ? root.get("jsonRpcError") : root.path("error");
    int code = error.path("code").asInt(-32600);
    String message = error.path("message").asString("");
    if (message.isBlank() || INTERNALS.matcher(message).find()) {
      message = "Invalid request";
    }
    var cleaned = new LinkedHashMap<String, Object>();
    cleaned.put("code", code);
    cleaned.put("message", message);
    // The 2026-07-28 errors carry what the client needs to retry (the supported versions).
    JsonNode data = error.get("data");
    if (data != null && !data.isNull() && !INTERNALS.matcher(data.toString()).find()) {
      cleaned.put("data", data);
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("jsonrpc", "2.0");
    if (root.has("id")) {
      body.put("id", root.get("id"));
    }
    body.put("error", cleaned);
    HttpServletResponse response = (HttpServletResponse) getResponse();
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(Json.MAPPER.writeValueAsString(body));
  }

  private static JsonNode parse(String body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      return Json.MAPPER.createObjectNode();
    }
  }
}

package io.devhost.bridge.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal MCP server over HTTP with one read-only tool, {@code echo}, spoken the way the
 * specification describes both HTTP transports: Streamable HTTP at {@code /mcp} (JSON-RPC POSTs
 * answered with JSON) and the legacy SSE transport at {@code /sse} (an event stream that names the
 * message endpoint, and answers delivered as events). The echo reports the Authorization header it
 * received, and every request's headers are kept.
 */
public final class FakeHttpMcpServer implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final List<Map<String, List<String>>> headers =
      Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile OutputStream sseStream;

  public FakeHttpMcpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/mcp", this::streamable);
    server.createContext("/sse", this::sse);
    server.createContext("/messages", this::sseMessage);
    server.start();
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public List<Map<String, List<String>>> headers() {
    return List.copyOf(headers);
  }

  private void streamable(HttpExchange ex) throws IOException {
    headers.add(Map.copyOf(ex.getRequestHeaders()));
    if (!ex.getRequestMethod().equals("POST")) {
      respond(ex, ex.getRequestMethod().equals("DELETE") ? 200 : 405, null, null);
      return;
    }
    JsonNode request = JSON.readTree(ex.getRequestBody().readAllBytes());
    String reply = answer(request, ex.getRequestHeaders().getFirst("Authorization"));
    if (reply == null) {
      respond(ex, 202, null, null);
    } else {
      ex.getResponseHeaders().add("Mcp-Session-Id", "session-1");
      respond(ex, 200, "application/json", reply);
    }
  }

  private void sse(HttpExchange ex) throws IOException {
    headers.add(Map.copyOf(ex.getRequestHeaders()));
    ex.getResponseHeaders().add("Content-Type", "text/event-stream");
    ex.sendResponseHeaders(200, 0);
    sseStream = ex.getResponseBody();
    event("endpoint", "/messages?sessionId=s1");
    try {
      closing.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sseMessage(HttpExchange ex) throws IOException {
    headers.add(Map.copyOf(ex.getRequestHeaders()));
    JsonNode request = JSON.readTree(ex.getRequestBody().readAllBytes());
    respond(ex, 202, null, null);
    String reply = answer(request, ex.getRequestHeaders().getFirst("Authorization"));
    if (reply != null) {
      event("message", reply);
    }
  }

  private synchronized void event(String name, String data) throws IOException {
    sseStream.write(
        ("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    sseStream.flush();
  }

  /** The JSON-RPC response, or null for a notification. */
  private static String answer(JsonNode request, String authorization) {
    if (!request.has("id")) {
      return null;
    }
    Object result =
        switch (request.path("method").asString("")) {
          case "initialize" ->
              Map.of(
                  "protocolVersion", request.at("/params/protocolVersion").asString(),
                  "capabilities", Map.of("tools", Map.of()),
                  "serverInfo", Map.of("name", "http-fake", "version", "1.0"));
          case "tools/list" ->
              Map.of(
                  "tools",
                  List.of(
                      Map.of(
                          "name",
                          "echo",
                          "description",
                          "Echoes its text.",
                          "inputSchema",
                          Map.of(
                              "type", "object",
                              "properties", Map.of("text", Map.of("type", "string")),
                              "required", List.of("text")),
                          "annotations",
                          Map.of("readOnlyHint", true))));
          case "tools/call" ->
              Map.of(
                  "content",
                  List.of(
                      Map.of(
                          "type",
                          "text",
                          "text",
                          "echo: "
                              + request.at("/params/arguments/text").asString()
                              + " (auth "
                              + authorization
                              + ")")),
                  "isError",
                  false);
          default -> Map.of();
        };
    return JSON.writeValueAsString(
        Map.of("jsonrpc", "2.0", "id", request.get("id"), "result", result));
  }

  private static void respond(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (type != null) {
      ex.getResponseHeaders().add("Content-Type", type);
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
    ex.close();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}

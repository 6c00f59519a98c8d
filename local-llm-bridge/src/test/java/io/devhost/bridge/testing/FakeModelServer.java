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
import java.util.concurrent.ConcurrentLinkedDeque;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP server speaking the two model APIs the bridge uses, with their real response shapes:
 * Ollama's {@code /api/chat} (NDJSON, reasoning in {@code thinking}) and the OpenAI {@code
 * /v1/chat/completions} (SSE, reasoning in {@code reasoning_content}). Like Ollama with an R1
 * distill, it answers 400 "does not support tools" to any request carrying {@code tools}. Every
 * request is kept for assertions.
 */
public final class FakeModelServer implements AutoCloseable {

  /** One scripted reply: reasoning (sent in the reasoning field) and content. */
  public record Reply(String reasoning, String content) {}

  /** A request as received. */
  public record Received(String path, Map<String, List<String>> headers, JsonNode body) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final ConcurrentLinkedDeque<Reply> replies = new ConcurrentLinkedDeque<>();
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean rejectResponseFormat;
  private volatile boolean rejectThinking;
  private volatile String knownModel = "deepseek-r1:7b";
  private volatile String reasoningField = "reasoning_content";

  public FakeModelServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/chat", this::ollama);
    server.createContext("/v1/chat/completions", this::openai);
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public FakeModelServer reply(String reasoning, String content) {
    replies.add(new Reply(reasoning, content));
    return this;
  }

  /** Like llama-server builds without json_schema support. */
  public void rejectResponseFormat() {
    rejectResponseFormat = true;
  }

  /** Like vLLM and OpenRouter, which name the field {@code reasoning}. */
  public void reasoningField(String name) {
    reasoningField = name;
  }

  /** Like Ollama with a model that has no thinking support. */
  public void rejectThinking() {
    rejectThinking = true;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  private void ollama(HttpExchange ex) throws IOException {
    JsonNode body = read(ex);
    String model = body.path("model").asString("");
    if (body.has("tools")) {
      error(
          ex,
          400,
          "{\"error\":\"registry.ollama.ai/library/" + model + " does not support tools\"}");
      return;
    }
    if (!model.equals(knownModel)) {
      error(ex, 404, "{\"error\":\"model \\\"" + model + "\\\" not found, try pulling it first\"}");
      return;
    }
    if (rejectThinking && body.path("think").asBoolean(false)) {
      error(ex, 400, "{\"error\":\"\\\"" + model + "\\\" does not support thinking\"}");
      return;
    }
    Reply r = next();
    ex.getResponseHeaders().add("Content-Type", "application/x-ndjson");
    ex.sendResponseHeaders(200, 0);
    try (OutputStream out = ex.getResponseBody()) {
      int pieces = 0;
      for (String piece : pieces(r.reasoning())) {
        line(
            out,
            Map.of(
                "model",
                model,
                "message",
                Map.of("role", "assistant", "content", "", "thinking", piece),
                "done",
                false));
        pieces++;
      }
      for (String piece : pieces(r.content())) {
        line(
            out,
            Map.of(
                "model",
                model,
                "message",
                Map.of("role", "assistant", "content", piece),
                "done",
                false));
        pieces++;
      }
      line(
          out,
          Map.of(
              "model",
              model,
              "message",
              Map.of("role", "assistant", "content", ""),
              "done",
              true,
              "done_reason",
              "stop",
              "prompt_eval_count",
              42,
              "eval_count",
              pieces));
    } catch (IOException clientWentAway) {
      // the bridge cancelled the stream
    }
  }

  private void openai(HttpExchange ex) throws IOException {
    JsonNode body = read(ex);
    if (body.has("tools")) {
      error(
          ex,
          400,
          "{\"error\":{\"message\":\"This model does not support tools\",\"type\":\"invalid_request_error\"}}");
      return;
    }
    if (rejectResponseFormat && body.has("response_format")) {
      error(
          ex,
          400,
          "{\"error\":{\"message\":\"response_format type json_schema is not supported\",\"type\":\"invalid_request_error\"}}");
      return;
    }
    Reply r = next();
    ex.getResponseHeaders().add("Content-Type", "text/event-stream");
    ex.sendResponseHeaders(200, 0);
    try (OutputStream out = ex.getResponseBody()) {
      int pieces = 0;
      for (String piece : pieces(r.reasoning())) {
        sse(
            out,
            Map.of("choices", List.of(Map.of("index", 0, "delta", Map.of(reasoningField, piece)))));
        pieces++;
      }
      for (String piece : pieces(r.content())) {
        sse(out, Map.of("choices", List.of(Map.of("index", 0, "delta", Map.of("content", piece)))));
        pieces++;
      }
      sse(
          out,
          Map.of(
              "choices", List.of(Map.of("index", 0, "delta", Map.of(), "finish_reason", "stop"))));
      sse(
          out,
          Map.of(
              "choices",
              List.of(),
              "usage",
              Map.of("prompt_tokens", 42, "completion_tokens", pieces)));
      out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    } catch (IOException clientWentAway) {
      // the bridge cancelled the stream
    }
  }

  private Reply next() {
    Reply r = replies.poll();
    return r == null ? new Reply("", "{\"answer\": \"(script exhausted)\"}") : r;
  }

  private JsonNode read(HttpExchange ex) throws IOException {
    JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
    received.add(
        new Received(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body));
    return body;
  }

  private static List<String> pieces(String text) {
    return text == null || text.isEmpty() ? List.of() : List.of(text.split("(?<=\\s)|(?=[{}])"));
  }

  private static void line(OutputStream out, Object value) throws IOException {
    out.write((JSON.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void sse(OutputStream out, Object value) throws IOException {
    out.write(
        ("data: " + JSON.writeValueAsString(value) + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void error(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

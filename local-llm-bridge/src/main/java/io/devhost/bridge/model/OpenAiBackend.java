package io.devhost.bridge.model;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Any OpenAI-compatible {@code /v1/chat/completions} (llama-server, vLLM, LM Studio), streaming
 * over SSE. The action is constrained with {@code response_format} json_schema; a server that
 * rejects it is used unconstrained from then on, and the planner parses the reply robustly.
 * Reasoning is read from {@code reasoning_content}, {@code reasoning} or inline tags.
 */
public final class OpenAiBackend implements ModelBackend {

  private static final Logger LOG = LoggerFactory.getLogger(OpenAiBackend.class);

  private final URI completionsUri;
  private final String model;
  private final String apiKey;
  private final int contextTokens;
  private final ModelHttp http;
  private volatile boolean schemaSupported = true;

  /**
   * @param apiKey sent as a bearer token; null or blank sends none (local servers)
   */
  public OpenAiBackend(
      URI endpoint, String model, String apiKey, int contextTokens, Duration timeout) {
    this.completionsUri = completionsUri(endpoint);
    this.model = model == null || model.isBlank() ? "default" : model;
    this.apiKey = apiKey;
    this.contextTokens = contextTokens;
    this.http = new ModelHttp("the OpenAI-compatible server", timeout);
  }

  /** Accepts the server root, its {@code /v1}, or the full completions URL. */
  static URI completionsUri(URI endpoint) {
    String s = endpoint.toString().replaceAll("/+$", "");
    if (s.endsWith("/chat/completions")) {
      return URI.create(s);
    }
    return URI.create(s.endsWith("/v1") ? s + "/chat/completions" : s + "/v1/chat/completions");
  }

  @Override
  public String describe() {
    return "openai-compatible " + completionsUri.getAuthority() + " " + model;
  }

  @Override
  public int contextTokens() {
    return contextTokens;
  }

  /** Whether the server accepted {@code response_format} so far. */
  public boolean constrainsOutput() {
    return schemaSupported;
  }

  @Override
  public Generation generate(GenerationRequest request, TokenListener listener) {
    try {
      return stream(request, listener);
    } catch (ModelHttp.Failure f) {
      if (f.status == 400
          && schemaSupported
          && request.schema() != null
          && f.mentions("response_format", "json_schema", "grammar", "schema")) {
        LOG.warn(
            "the server does not accept response_format json_schema ({}); "
                + "actions are parsed from free text",
            f.body);
        schemaSupported = false;
        return stream(request, listener);
      }
      if (f.status == 401 || f.status == 403) {
        throw new ModelException(
            "the server refused the API key (HTTP " + f.status + "): set it with --api-key-env");
      }
      if (f.status == 404) {
        throw new ModelException(
            "the server has no model '" + model + "' or no " + completionsUri + ": " + f.body);
      }
      throw new ModelException("the server rejected the request: " + f.body, f);
    }
  }

  private Generation stream(GenerationRequest request, TokenListener listener) {
    long start = System.nanoTime();
    var reply = new StreamedReply(request.think(), listener);
    int promptTokens = 0;
    int completionTokens = 0;
    Generation.Finish finish = Generation.Finish.STOP;
    Map<String, String> headers =
        apiKey == null || apiKey.isBlank() ? Map.of() : Map.of("Authorization", "Bearer " + apiKey);
    try (Stream<String> lines = http.postLines(completionsUri, headers, body(request))) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next();
        if (!line.startsWith("data:")) {
          continue; // SSE comments, event names and blank separators
        }
        String data = line.substring(5).strip();
        if (data.equals("[DONE]")) {
          break;
        }
        JsonNode chunk = ModelHttp.JSON.readTree(data);
        if (chunk.has("error")) {
          throw new ModelException("the server failed while generating: " + chunk.get("error"));
        }
        JsonNode usage = chunk.path("usage");
        if (usage.isObject()) {
          promptTokens = usage.path("prompt_tokens").asInt(promptTokens);
          completionTokens = usage.path("completion_tokens").asInt(completionTokens);
        }
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        reply.reasoningField(delta.path("reasoning_content").asString(""));
        reply.reasoningField(delta.path("reasoning").asString(""));
        reply.content(delta.path("content").asString(""));
        if ("length".equals(choice.path("finish_reason").asString(""))) {
          finish = Generation.Finish.LENGTH;
        }
        if (listener.shouldStop()) {
          finish = Generation.Finish.CANCELLED;
          break;
        }
      }
    }
    return reply.finish(
        promptTokens, completionTokens, Duration.ofNanos(System.nanoTime() - start), finish);
  }

  private Map<String, Object> body(GenerationRequest request) {
    var messages = new ArrayList<Map<String, String>>();
    for (Turn t : request.turnsForHttp()) {
      messages.add(Map.of("role", t.role().wireName(), "content", t.content()));
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("model", model);
    body.put("messages", List.copyOf(messages));
    body.put("stream", true);
    body.put("stream_options", Map.of("include_usage", true));
    body.put("temperature", request.sampling().temperature());
    body.put("top_p", request.sampling().topP());
    body.put("max_tokens", request.maxTokens());
    if (request.sampling().seed() >= 0) {
      body.put("seed", request.sampling().seed());
    }
    if (request.schema() != null && schemaSupported) {
      body.put(
          "response_format",
          Map.of(
              "type",
              "json_schema",
              "json_schema",
              Map.of("name", "action", "strict", true, "schema", request.schema())));
    }
    return body;
  }

  @Override
  public void close() {
    // stateless over HTTP
  }
}

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
 * Ollama's {@code /api/chat}, streaming. The action is constrained with {@code format} (a JSON
 * Schema) and the reasoning arrives in {@code thinking} when {@code think} is on. Never sends
 * {@code tools}: Ollama answers 400 "does not support tools" for the R1 distills.
 */
public final class OllamaBackend implements ModelBackend {

  private static final Logger LOG = LoggerFactory.getLogger(OllamaBackend.class);

  private final URI chatUri;
  private final String model;
  private final int contextTokens;
  private final ModelHttp http;
  private volatile boolean thinkingSupported = true;

  public OllamaBackend(URI base, String model, int contextTokens, Duration timeout) {
    if (model == null || model.isBlank()) {
      throw new ModelException(
          "--ollama needs --model with an Ollama model name, e.g. --model deepseek-r1:7b");
    }
    this.chatUri = base.resolve(base.getPath().endsWith("/") ? "api/chat" : "/api/chat");
    this.model = model;
    this.contextTokens = contextTokens;
    this.http = new ModelHttp("Ollama", timeout);
  }

  @Override
  public String describe() {
    return "ollama " + model;
  }

  @Override
  public int contextTokens() {
    return contextTokens;
  }

  @Override
  public Generation generate(GenerationRequest request, TokenListener listener) {
    try {
      return stream(request, listener);
    } catch (ModelHttp.Failure f) {
      if (f.status == 400 && thinkingSupported && f.mentions("thinking")) {
        LOG.info("{} does not support thinking; reading <think> tags inline instead", model);
        thinkingSupported = false;
        return stream(request, listener);
      }
      if (f.status == 404 || f.mentions("not found")) {
        throw new ModelException(
            "Ollama has no model '" + model + "': run `ollama pull " + model + "` first");
      }
      throw new ModelException("Ollama rejected the request: " + f.body, f);
    }
  }

  private Generation stream(GenerationRequest request, TokenListener listener) {
    long start = System.nanoTime();
    boolean separateThinking = request.think() && thinkingSupported;
    var reply = new StreamedReply(request.think(), listener);
    int promptTokens = 0;
    int evalTokens = 0;
    Generation.Finish finish = Generation.Finish.STOP;
    try (Stream<String> lines =
        http.postLines(chatUri, Map.of(), body(request, separateThinking))) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next();
        if (line.isBlank()) {
          continue;
        }
        JsonNode chunk = ModelHttp.JSON.readTree(line);
        if (chunk.has("error")) {
          throw new ModelException("Ollama failed while generating: " + chunk.get("error"));
        }
        reply.reasoningField(chunk.path("message").path("thinking").asString(""));
        reply.content(chunk.path("message").path("content").asString(""));
        if (chunk.path("done").asBoolean(false)) {
          promptTokens = chunk.path("prompt_eval_count").asInt(0);
          evalTokens = chunk.path("eval_count").asInt(0);
          if ("length".equals(chunk.path("done_reason").asString(""))) {
            finish = Generation.Finish.LENGTH;
          }
          break;
        }
        if (listener.shouldStop()) {
          finish = Generation.Finish.CANCELLED;
          break;
        }
      }
    }
    return reply.finish(
        promptTokens, evalTokens, Duration.ofNanos(System.nanoTime() - start), finish);
  }

  private Map<String, Object> body(GenerationRequest request, boolean separateThinking) {
    var messages = new ArrayList<Map<String, String>>();
    for (Turn t : request.turnsForHttp()) {
      messages.add(Map.of("role", t.role().wireName(), "content", t.content()));
    }
    var options = new LinkedHashMap<String, Object>();
    options.put("temperature", request.sampling().temperature());
    options.put("top_p", request.sampling().topP());
    options.put("num_predict", request.maxTokens());
    options.put("num_ctx", contextTokens);
    if (request.sampling().seed() >= 0) {
      options.put("seed", request.sampling().seed());
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("model", model);
    body.put("messages", List.copyOf(messages));
    body.put("stream", true);
    if (thinkingSupported) {
      body.put("think", separateThinking);
    }
    if (request.schema() != null) {
      body.put("format", request.schema());
    }
    body.put("options", options);
    return body;
  }

  @Override
  public void close() {
    // stateless over HTTP
  }
}

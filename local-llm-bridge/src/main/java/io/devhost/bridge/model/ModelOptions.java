package io.devhost.bridge.model;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Which model to use, as the user gave it: a GGUF file, an Ollama server, or an OpenAI-compatible
 * endpoint. {@link #open()} picks the backend and explains what is missing when nothing is set.
 *
 * @param model the GGUF file for the embedded backend, else the model name on the server
 * @param apiKeyEnv the environment variable holding the OpenAI-compatible server's key
 */
public record ModelOptions(
    URI ollama,
    URI openai,
    String model,
    String apiKeyEnv,
    int threads,
    int contextTokens,
    int gpuLayers,
    Duration requestTimeout,
    Map<String, String> env) {

  static final String HOW_TO =
      "no model configured. Point the bridge at one of:\n"
          + "  a GGUF file:       --model ~/models/DeepSeek-R1-Distill-Qwen-7B-Q4_K_M.gguf\n"
          + "  Ollama:            --ollama http://127.0.0.1:11434 --model deepseek-r1:7b\n"
          + "  an OpenAI-compatible server (llama-server, vLLM, LM Studio):\n"
          + "                     --openai http://127.0.0.1:8080/v1 [--model NAME]"
          + " [--api-key-env VAR]\n"
          + "(or the environment variables DEVHOST_MODEL, DEVHOST_OLLAMA, DEVHOST_OPENAI)";

  /** Opens the configured backend. */
  public ModelBackend open() {
    int chosen = (ollama != null ? 1 : 0) + (openai != null ? 1 : 0);
    if (chosen > 1) {
      throw new ModelException("give either --ollama or --openai, not both");
    }
    if (ollama != null) {
      return new OllamaBackend(ollama, model, contextTokens, requestTimeout);
    }
    if (openai != null) {
      String key = apiKeyEnv == null ? null : env.get(apiKeyEnv);
      return new OpenAiBackend(openai, model, key, contextTokens, requestTimeout);
    }
    if (model != null && !model.isBlank()) {
      return new EmbeddedLlamaBackend(
          new EmbeddedSettings(Path.of(model), threads, contextTokens, gpuLayers));
    }
    throw new ModelException(HOW_TO);
  }
}

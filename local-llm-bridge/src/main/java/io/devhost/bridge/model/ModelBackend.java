package io.devhost.bridge.model;

/**
 * A model that generates text: embedded llama.cpp, Ollama, or an OpenAI-compatible server. One
 * generation at a time; the planner owns the conversation, the backend only renders and samples.
 */
public interface ModelBackend extends AutoCloseable {

  /** A short description for logs and the status line, e.g. {@code ollama deepseek-r1:7b}. */
  String describe();

  /**
   * Generates one reply. Reasoning and answer stream to the listener as they come.
   *
   * @throws ModelException when the backend fails; its message says what to do
   */
  Generation generate(GenerationRequest request, TokenListener listener);

  /** The context window in tokens, used to size the prompt's shares. */
  int contextTokens();

  @Override
  void close();
}

package io.devhost.bridge.testing;

import io.devhost.bridge.model.Generation;
import io.devhost.bridge.model.GenerationRequest;
import io.devhost.bridge.model.ModelBackend;
import io.devhost.bridge.model.TokenListener;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * A backend that replays raw model outputs written as an R1 distill writes them: reasoning, then
 * {@code </think>} (or not), then the action, fenced or in prose. The reasoning is streamed word by
 * word, so the planner's reasoning budget can cut it like a real one. Every request is kept for
 * assertions on what the planner sent.
 */
public final class ScriptedBackend implements ModelBackend {

  private final Deque<String> outputs;
  private final List<GenerationRequest> requests = Collections.synchronizedList(new ArrayList<>());

  public ScriptedBackend(List<String> outputs) {
    this.outputs = new ArrayDeque<>(outputs);
  }

  public static ScriptedBackend of(String... outputs) {
    return new ScriptedBackend(List.of(outputs));
  }

  public List<GenerationRequest> requests() {
    return List.copyOf(requests);
  }

  public int remaining() {
    return outputs.size();
  }

  @Override
  public String describe() {
    return "scripted";
  }

  @Override
  public int contextTokens() {
    return 8192;
  }

  @Override
  public synchronized Generation generate(GenerationRequest request, TokenListener listener) {
    requests.add(request);
    long start = System.nanoTime();
    if (outputs.isEmpty()) {
      throw new AssertionError("the script has no more outputs; the planner asked once too often");
    }
    String raw = outputs.poll();
    if (!request.think()) {
      listener.onContent(raw);
      return done(start, "", raw, true, count(raw), Generation.Finish.STOP);
    }
    String text = raw.startsWith("<think>") ? raw.substring("<think>".length()) : raw;
    int close = text.indexOf("</think>");
    String reasoning = close >= 0 ? text.substring(0, close) : text;
    var streamed = new StringBuilder();
    int pieces = 0;
    for (String word : reasoning.split("(?<=\\s)")) {
      streamed.append(word);
      pieces++;
      listener.onReasoning(word);
      if (listener.shouldStop()) {
        return done(start, streamed.toString(), "", false, pieces, Generation.Finish.CANCELLED);
      }
    }
    String content = close >= 0 ? text.substring(close + "</think>".length()) : "";
    if (!content.isEmpty()) {
      listener.onContent(content);
    }
    return done(
        start, reasoning, content, close >= 0, pieces + count(content), Generation.Finish.STOP);
  }

  private static int count(String text) {
    return text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }

  private static Generation done(
      long start,
      String reasoning,
      String content,
      boolean closed,
      int tokens,
      Generation.Finish f) {
    var elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new Generation(reasoning.strip(), content.strip(), closed, 0, tokens, elapsed, f);
  }

  @Override
  public void close() {}
}

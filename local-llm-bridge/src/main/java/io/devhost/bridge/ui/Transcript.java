package io.devhost.bridge.ui;

import io.devhost.bridge.changes.ChangeJson;
import io.devhost.bridge.planner.RunResult;
import io.devhost.bridge.planner.StepRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A run as JSON: the task, the model, each step (call, arguments, sizes, timings), totals. */
public final class Transcript {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Transcript() {}

  public static String json(String task, String model, RunResult result) {
    var root = new LinkedHashMap<String, Object>();
    root.put("task", task);
    root.put("model", model);
    root.put("status", result.status().name().toLowerCase(Locale.ROOT));
    root.put("answer", result.answer());
    root.put("message", result.message());
    var steps = new ArrayList<Map<String, Object>>();
    for (StepRecord s : result.steps()) {
      var step = new LinkedHashMap<String, Object>();
      step.put("step", s.step());
      if (s.reasoning() != null) {
        step.put("thought", s.reasoning());
      }
      step.put("action", s.action());
      step.put("rejected", s.rejected());
      if (!s.coercions().isEmpty()) {
        step.put("coerced", s.coercions());
      }
      if (s.tool() != null) {
        step.put("server", s.server());
        step.put("tool", s.tool());
        step.put("arguments", s.arguments());
        step.put(
            "decision",
            s.decision() == null ? "repeated" : s.decision().name().toLowerCase(Locale.ROOT));
        step.put("resultChars", s.resultChars());
        step.put("toolError", s.toolError());
        if (s.change() != null) {
          step.put("change", ChangeJson.of(s.change()));
        }
      }
      step.put("modelCalls", s.modelCalls());
      step.put("tokens", s.tokens());
      step.put("modelMs", s.modelMillis());
      step.put("toolMs", s.toolMillis());
      step.put("hostMs", round(s.hostMillis()));
      steps.add(step);
    }
    root.put("steps", steps);
    var t = result.totals();
    var totals = new LinkedHashMap<String, Object>();
    totals.put("steps", t.steps());
    totals.put("modelCalls", t.modelCalls());
    totals.put("coercions", result.steps().stream().mapToInt(s -> s.coercions().size()).sum());
    totals.put("promptTokens", t.promptTokens());
    totals.put("completionTokens", t.completionTokens());
    totals.put("tokensPerSecond", round(t.tokensPerSecond()));
    totals.put("modelMs", t.modelMillis());
    totals.put("toolMs", t.toolMillis());
    totals.put("hostMs", round(t.hostMillis()));
    totals.put("wallMs", t.wallMillis());
    root.put("totals", totals);
    return JSON.writeValueAsString(root);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}

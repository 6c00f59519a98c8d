package io.devhost.bridge.bench;

import io.devhost.bridge.host.ClientFeatures;
import io.devhost.bridge.host.HostTool;
import io.devhost.bridge.host.McpHost;
import io.devhost.bridge.host.UserConsole;
import io.devhost.bridge.model.EmbeddedLlamaBackend;
import io.devhost.bridge.model.EmbeddedSettings;
import io.devhost.bridge.model.GenerationRequest;
import io.devhost.bridge.model.ModelBackend;
import io.devhost.bridge.model.OllamaBackend;
import io.devhost.bridge.model.Sampling;
import io.devhost.bridge.model.TokenListener;
import io.devhost.bridge.model.Turn;
import io.devhost.bridge.planner.ActionChecker;
import io.devhost.bridge.planner.ActionSchema;
import io.devhost.bridge.planner.ApprovalGate;
import io.devhost.bridge.planner.ApprovalPolicy;
import io.devhost.bridge.planner.Budgets;
import io.devhost.bridge.planner.Planner;
import io.devhost.bridge.planner.PlannerEvents;
import io.devhost.bridge.planner.RunResult;
import io.devhost.bridge.planner.StepRecord;
import io.devhost.bridge.planner.ToolCallListener;
import io.devhost.bridge.testing.FakeModelServer;
import io.devhost.bridge.testing.ScriptedBackend;
import io.devhost.bridge.testing.TestServers;
import io.devhost.bridge.testing.TinyGguf;
import io.devhost.bridge.testing.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bridge's figures: valid-action rate over a corpus of raw R1-style replies, host overhead per
 * step (model and tool time excluded), model calls per step, and embedded generation speed on
 * generated GGUF files. Run by {@code examples/bench/bridge.sh}; {@code --big} adds the
 * DeepSeek-R1-Distill-Qwen-1.5B shape (writes ~1.9 GB to the temp directory). With
 * DEVHOST_BENCH_RESULTS set (examples/bench/run.sh does), the figures are also appended to that
 * file as tab-separated "table, subject, metric, value" lines.
 */
public final class BridgeBench {

  private BridgeBench() {}

  public static void main(String[] args) throws Exception {
    int code = 1;
    try {
      run(args);
      code = 0;
    } finally {
      System.out.flush();
      System.exit(code); // llama.cpp's threads keep the JVM alive otherwise
    }
  }

  private static void run(String[] args) throws Exception {
    boolean big = List.of(args).contains("--big");
    Path dir = Files.createTempDirectory("bridge-bench");
    Workspace.create(dir);
    System.out.printf(
        Locale.ROOT,
        "# bridge benchmark, %d cores, Java %s%n%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    try (var host =
        McpHost.connect(
            List.of(TestServers.toolServer("proj", dir)),
            new ClientFeatures(dir, UserConsole.NON_INTERACTIVE, null),
            Duration.ofSeconds(60))) {
      validActions(host.tools());
      hostOverhead(host);
      ollamaSteps(host);
      try (var tiny = embedded(TinyGguf.tiny(dir.resolve("tiny.gguf")), 8192)) {
        embeddedSteps(tiny, host);
        speed("tiny (2 layers, hidden 64, f32)", tiny, host.tools());
      }
      if (big) {
        Path file = dir.resolve("r1-qwen-1.5b-shape.gguf");
        long start = System.nanoTime();
        TinyGguf.r1Qwen15b(file);
        System.out.printf(
            Locale.ROOT,
            "(wrote the 1.5B-shape GGUF, %.2f GB, in %.0f s)%n%n",
            Files.size(file) / 1e9,
            (System.nanoTime() - start) / 1e9);
        try (var model = embedded(file, 2048)) {
          speed(
              "DeepSeek-R1-Distill-Qwen-1.5B shape (28 layers, hidden 1536, Q8_0)",
              model,
              host.tools());
        }
        Files.delete(file);
      }
    }
  }

  private static EmbeddedLlamaBackend embedded(Path gguf, int ctx) {
    return new EmbeddedLlamaBackend(
        new EmbeddedSettings(gguf, Runtime.getRuntime().availableProcessors(), ctx, 0));
  }

  private static void validActions(List<HostTool> tools) throws java.io.IOException {
    var checker = new ActionChecker(tools);
    var corpus = R1Corpus.build(1000, 1);
    int valid = 0;
    int coercions = 0;
    int retries = 0;
    var byKind = new TreeMap<String, int[]>();
    for (var sample : corpus) {
      String raw = sample.raw().startsWith("<think>") ? sample.raw().substring(7) : sample.raw();
      int close = raw.indexOf("</think>");
      String reasoning = close >= 0 ? raw.substring(0, close) : raw;
      String content = close >= 0 ? raw.substring(close + 8) : "";
      var result = checker.check(reasoning, content, close >= 0);
      boolean ok =
          result instanceof ActionChecker.Usable u
              && sample.expected() != null
              && u.action().toJson().equals(sample.expected().toJson());
      valid += ok ? 1 : 0;
      coercions += result instanceof ActionChecker.Usable u && !u.coercions().isEmpty() ? 1 : 0;
      retries += result instanceof ActionChecker.Problem ? 1 : 0;
      var counts = byKind.computeIfAbsent(sample.kind(), k -> new int[2]);
      counts[0] += ok ? 1 : 0;
      counts[1]++;
    }
    System.out.printf(
        Locale.ROOT,
        "## Valid-action rate, %d raw R1-style replies (unconstrained)%n%n",
        corpus.size());
    System.out.printf(
        Locale.ROOT,
        "overall: %d / %d = %.1f%%%n%n",
        valid,
        corpus.size(),
        100.0 * valid / corpus.size());
    System.out.printf(
        Locale.ROOT,
        "per 1,000 replies: %d converted arguments (sent without asking again), %d retries%n%n",
        coercions * 1000 / corpus.size(),
        retries * 1000 / corpus.size());
    System.out.println("| reply shape | valid | of |");
    System.out.println("|---|---|---|");
    byKind.forEach((k, c) -> System.out.printf(Locale.ROOT, "| %s | %d | %d |%n", k, c[0], c[1]));
    System.out.println();
    String table = "valid actions, raw R1-style replies (unconstrained)";
    for (var e : byKind.entrySet()) {
      record(table, e.getKey(), "valid", e.getValue()[0]);
      record(table, e.getKey(), "of", e.getValue()[1]);
    }
    record(table, "overall", "valid", valid);
    record(table, "overall", "coercions per 1000", coercions * 1000 / corpus.size());
    record(table, "overall", "retries per 1000", retries * 1000 / corpus.size());
    record(table, "overall", "of", corpus.size());
    record(
        table,
        "overall",
        "rate (%)",
        String.format(Locale.ROOT, "%.1f", 100.0 * valid / corpus.size()));
  }

  private static List<String> scriptedSteps(int n) {
    var outputs = new ArrayList<String>();
    String thought = "Okay, let me think about which source to look at next. ".repeat(20);
    for (int i = 0; i < n; i++) {
      String call =
          i % 2 == 0
              ? "{\"tool\": \"search_files\", \"arguments\": {\"query\": \"orders\", \"maxResults\": "
                  + (i + 1)
                  + "}}"
              : "{\"tool\": \"count_rows\", \"arguments\": {\"table\": \""
                  + (i % 4 == 1 ? "orders" : "customers")
                  + "\"}}";
      outputs.add(thought + "</think>\n\n```json\n" + call + "\n```");
    }
    outputs.add("Done.</think>{\"answer\": \"ok\"}");
    return outputs;
  }

  private static RunResult scriptedRun(McpHost host, int steps) {
    var model = new ScriptedBackend(scriptedSteps(steps));
    var budgets =
        Budgets.builder()
            .maxSteps(steps + 1)
            .maxModelTokens(1_000_000)
            .maxTime(Duration.ofMinutes(5))
            .thinkTokens(1024)
            .resultChars(4000)
            .maxRepeats(100)
            .build();
    var planner =
        new Planner(
            model,
            host,
            new ApprovalGate(ApprovalPolicy.ASK, UserConsole.NON_INTERACTIVE),
            budgets,
            Sampling.R1,
            ToolCallListener.NONE,
            false);
    return planner.run(
        "Which files reference the orders table and how many rows does it have?",
        PlannerEvents.NONE);
  }

  private static void hostOverhead(McpHost host) throws java.io.IOException {
    scriptedRun(host, 40); // warm-up: class loading and JIT
    RunResult result = scriptedRun(host, 40);
    double[] host_ = result.steps().stream().mapToDouble(StepRecord::hostMillis).sorted().toArray();
    double toolMs = result.steps().stream().mapToLong(StepRecord::toolMillis).average().orElse(0);
    System.out.println("## Host overhead per step (scripted model, real MCP server over stdio)");
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%d steps, %s: host time per step (prompt, parse, validation, approval, ledger; model and tool time excluded)"
            + " median %.2f ms, p95 %.2f ms, max %.2f ms; tool call round trip mean %.1f ms%n",
        result.steps().size(),
        result.status(),
        percentile(host_, 50),
        percentile(host_, 95),
        host_[host_.length - 1],
        toolMs);
    double callsPerStep = (double) result.totals().modelCalls() / result.steps().size();
    System.out.printf(
        Locale.ROOT, "model calls per step: %.2f (reasoning within its budget)%n%n", callsPerStep);
    String table = "per step, scripted R1-style model, real MCP server over stdio";
    String subject = "scripted R1-style model";
    record(table, subject, "steps", result.steps().size());
    record(
        table,
        subject,
        "host median (ms)",
        String.format(Locale.ROOT, "%.2f", percentile(host_, 50)));
    record(
        table, subject, "host p95 (ms)", String.format(Locale.ROOT, "%.2f", percentile(host_, 95)));
    record(
        table,
        subject,
        "host max (ms)",
        String.format(Locale.ROOT, "%.2f", host_[host_.length - 1]));
    record(table, subject, "tool round trip mean (ms)", String.format(Locale.ROOT, "%.1f", toolMs));
    record(
        table, subject, "model calls per step", String.format(Locale.ROOT, "%.2f", callsPerStep));
  }

  /** Ollama's API shape (a local server replaying R1 replies): thinking and action in one call. */
  private static void ollamaSteps(McpHost host) throws java.io.IOException {
    try (var server = new FakeModelServer()) {
      for (int i = 0; i < 10; i++) {
        server.reply(
            "Let me check the next source. ".repeat(10),
            "{\"tool\": \"search_files\", \"arguments\": {\"query\": \"orders\", \"maxResults\": "
                + (i + 1)
                + "}}");
      }
      server.reply("Done.", "{\"answer\": \"ok\"}");
      var ollama = new OllamaBackend(server.uri(), "deepseek-r1:7b", 8192, Duration.ofSeconds(30));
      var budgets =
          Budgets.builder()
              .maxSteps(12)
              .maxModelTokens(100_000)
              .maxTime(Duration.ofMinutes(5))
              .thinkTokens(1024)
              .resultChars(4000)
              .maxRepeats(100)
              .build();
      var planner =
          new Planner(
              ollama,
              host,
              new ApprovalGate(ApprovalPolicy.ASK, UserConsole.NON_INTERACTIVE),
              budgets,
              Sampling.R1,
              ToolCallListener.NONE,
              false);
      RunResult result = planner.run("Which files mention orders?", PlannerEvents.NONE);
      System.out.println(
          "## Model calls per step, Ollama API (local replay server, think + format)");
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "%d steps (%s), %d model calls = %.2f per step; mean host time per step %.2f ms%n%n",
          result.steps().size(),
          result.status(),
          result.totals().modelCalls(),
          (double) result.totals().modelCalls() / result.steps().size(),
          result.totals().hostMillis() / result.steps().size());
      steps("Ollama API, think + format (local replay server)", result);
    }
  }

  private static void embeddedSteps(ModelBackend tiny, McpHost host) throws java.io.IOException {
    var budgets =
        Budgets.builder()
            .maxSteps(6)
            .maxModelTokens(100_000)
            .maxTime(Duration.ofMinutes(5))
            .thinkTokens(48)
            .actionTokens(256)
            .retries(1)
            .resultChars(2000)
            .maxRepeats(100)
            .build();
    var planner =
        new Planner(
            tiny,
            host,
            new ApprovalGate(ApprovalPolicy.ASK, UserConsole.NON_INTERACTIVE),
            budgets,
            new Sampling(0.6, 0.95, 5),
            ToolCallListener.NONE,
            false);
    RunResult result = planner.run("Which files mention orders?", PlannerEvents.NONE);
    long rejected = result.steps().stream().mapToLong(s -> s.rejected().size()).sum();
    System.out.println(
        "## Planner on real inference (tiny random GGUF, grammar-constrained, think budget 48 tokens)");
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%d steps (%s), %d model calls = %.2f per step, %d replies rejected; mean host time per step %.2f ms%n%n",
        result.steps().size(),
        result.status(),
        result.totals().modelCalls(),
        (double) result.totals().modelCalls() / Math.max(1, result.steps().size()),
        rejected,
        result.totals().hostMillis() / Math.max(1, result.steps().size()));
    steps("embedded llama.cpp, tiny random GGUF, think budget 48", result);
  }

  private static void steps(String subject, RunResult result) throws java.io.IOException {
    String table = "model calls per step";
    int n = Math.max(1, result.steps().size());
    record(table, subject, "steps", result.steps().size());
    record(
        table,
        subject,
        "model calls per step",
        String.format(Locale.ROOT, "%.2f", (double) result.totals().modelCalls() / n));
    record(
        table,
        subject,
        "mean host time per step (ms)",
        String.format(Locale.ROOT, "%.2f", result.totals().hostMillis() / n));
  }

  private static void speed(String name, ModelBackend model, List<HostTool> tools)
      throws java.io.IOException {
    var turns =
        List.of(
            Turn.user(
                "You answer tasks by calling tools. "
                    + "Find the files that use the orders table. ".repeat(8)));
    // warm-up on another prompt: llama.cpp caches a prompt it has seen, which would hide its cost
    model.generate(
        new GenerationRequest(List.of(Turn.user("Warm up.")), true, null, null, 4, Sampling.R1),
        TokenListener.NONE);
    var free =
        timed(
            model, new GenerationRequest(turns, true, null, null, 64, new Sampling(0.6, 0.95, 1)));
    Map<String, Object> schema = ActionSchema.of(tools, 256);
    var constrained =
        timed(
            model,
            new GenerationRequest(
                turns, false, "I will search.", schema, 128, new Sampling(0.6, 0.95, 1)));
    System.out.println("## Embedded generation: " + name);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "free text: prompt %.0f tokens in %.0f ms (%.1f tok/s), generation %.1f tok/s over %d tokens%n",
        free[0],
        free[1],
        free[0] / (free[1] / 1000),
        free[3],
        (int) free[2]);
    System.out.printf(
        Locale.ROOT,
        "schema-constrained action: generation %.1f tok/s over %d tokens%n%n",
        constrained[3],
        (int) constrained[2]);
    String table =
        "embedded generation (" + Runtime.getRuntime().availableProcessors() + " threads)";
    record(table, name, "prompt tokens", (int) free[0]);
    record(
        table,
        name,
        "prompt (tok/s)",
        String.format(Locale.ROOT, "%.1f", free[0] / (free[1] / 1000)));
    record(table, name, "free generation (tok/s)", String.format(Locale.ROOT, "%.1f", free[3]));
    record(
        table,
        name,
        "constrained action (tok/s)",
        String.format(Locale.ROOT, "%.1f", constrained[3]));
  }

  /**
   * Appends one figure to the file named by DEVHOST_BENCH_RESULTS, if set, for docs/benchmarks.md.
   */
  private static void record(String table, String subject, String metric, Object value)
      throws java.io.IOException {
    String file = System.getenv("DEVHOST_BENCH_RESULTS");
    if (file != null) {
      Files.writeString(
          Path.of(file),
          table + "\t" + subject + "\t" + metric + "\t" + value + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }

  /** prompt tokens, ms to first token, tokens generated, generation tok/s (first to last). */
  private static double[] timed(ModelBackend model, GenerationRequest request) {
    long start = System.nanoTime();
    long[] marks = new long[2];
    var listener =
        new TokenListener() {
          private void mark() {
            long now = System.nanoTime();
            if (marks[0] == 0) {
              marks[0] = now;
            }
            marks[1] = now;
          }

          @Override
          public void onReasoning(String delta) {
            mark();
          }

          @Override
          public void onContent(String delta) {
            mark();
          }
        };
    var g = model.generate(request, listener);
    double firstMs = (marks[0] - start) / 1e6;
    double genSeconds = (marks[1] - marks[0]) / 1e9;
    double genRate =
        g.completionTokens() > 1 && genSeconds > 0 ? (g.completionTokens() - 1) / genSeconds : 0;
    return new double[] {g.promptTokens(), firstMs, g.completionTokens(), genRate};
  }

  private static double percentile(double[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}

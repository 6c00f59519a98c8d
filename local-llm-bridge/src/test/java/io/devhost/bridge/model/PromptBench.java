package io.devhost.bridge.model;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import io.devhost.bridge.host.HostTool;
import io.devhost.bridge.host.ToolHost;
import io.devhost.bridge.host.ToolResult;
import io.devhost.bridge.host.UserConsole;
import io.devhost.bridge.planner.ApprovalGate;
import io.devhost.bridge.planner.ApprovalPolicy;
import io.devhost.bridge.planner.Budgets;
import io.devhost.bridge.planner.Planner;
import io.devhost.bridge.planner.PlannerEvents;
import io.devhost.bridge.testing.FakeModelServer;
import io.devhost.bridge.testing.ScriptedBackend;
import io.devhost.bridge.testing.TinyGguf;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prompt a CPU pays for: DevHost's default toolsets (fs, git, pg, read from their stored tool
 * contracts) in the bridge's catalog, a fixed 4-step multi-source task replayed with scripted R1
 * replies and canned tool results, and for each step the prompt as the embedded backend renders it,
 * tokenized by llama.cpp with the generated R1-shape GGUF's tokenizer. Prints the first-prompt
 * size, and per step after the first: the prompt tokens, the tokens llama.cpp must evaluate (those
 * after the longest token prefix shared with the previous step's prompt, which its prompt cache
 * keeps) and the new content (the text after the longest prefix shared with the previous step's
 * prompt, tokenized). Also the first request body sent to an Ollama and an OpenAI-compatible server
 * (local replay servers that record it).
 *
 * <p>In this package to reach {@link EmbeddedLlamaBackend#prompt}, the exact text llama.cpp gets.
 * Run by {@code examples/bench/bridge-prompt.sh}, which also runs it on the code before issue 14's
 * prompt changes, and counts the written prompts with the R1 distills' real tokenizers.
 */
public final class PromptBench {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String TASK =
      "Which customer placed the most orders, and which commit last changed the orders table?";

  private static final List<String> REPLIES =
      List.of(
          "The orders are in the database. Let me list the tables first.</think>"
              + "{\"tool\": \"list_tables\", \"arguments\": {}}",
          "There is an orders table. Count orders per customer.</think>{\"tool\": \"query\","
              + " \"arguments\": {\"sql\": \"SELECT customer_id, count(*) AS n FROM orders GROUP BY"
              + " 1 ORDER BY n DESC LIMIT 3\"}}",
          "Customer 7 has the most. Now the migrations that touch orders.</think>{\"tool\":"
              + " \"search_files\", \"arguments\": {\"pattern\": \"**/*orders*.sql\"}}",
          "Two migrations. Which commit changed them last?</think>{\"tool\": \"git_log\","
              + " \"arguments\": {\"path\": \"db/migrations\", \"maxCount\": 3}}",
          "I have both facts.</think>{\"answer\": \"Customer 7 placed the most orders (12, #2);"
              + " commit 4f2a9c1 last changed the orders table (#4).\"}");

  private static final Map<String, String> RESULTS =
      Map.of(
          "list_tables",
          table("schema | table | rows", "public | %s | %d", 12),
          "query",
          table("customer_id | n", "%s | %d", 3),
          "search_files",
          "db/migrations/V1__orders.sql\ndb/migrations/V4__orders_status.sql\n",
          "git_log",
          table("hash | date | author | subject", "4f2a9c1 | 2026-11-%s | Ada | orders: %d", 3));

  /** Context of the timed run, before and after: room for main's first prompt as counted here. */
  private static final int TIMED_CONTEXT = 16384;

  /**
   * Tokens generated per step in the timed run: random weights never close their reasoning, so they
   * would think to the 1,024-token budget; a fixed cap keeps generation equal on both sides.
   */
  private static final int TIMED_TOKENS = 32;

  private PromptBench() {}

  /**
   * {@code REPO OUT [--time tiny|1.5b]}: the measurements, each step's rendered prompt written to
   * {@code OUT/step-N.txt}, and with {@code --time} the timed replay on that GGUF shape. {@code
   * --replay OUT}: only sends {@code OUT/step-N.txt} to llama.cpp in order with its log on, for the
   * script to read llama.cpp's own "prompt eval time = … / N tokens" line per step (in a process of
   * its own, because a model loaded with its log off silences llama.cpp's log process-wide).
   */
  public static void main(String[] args) throws Exception {
    int code = 1;
    try {
      if (args[0].equals("--replay")) {
        replay(Path.of(args[1]));
      } else {
        run(Path.of(args[0]), Path.of(args[1]));
        if (args.length > 3 && args[2].equals("--time")) {
          timed(Path.of(args[0]), args[3]);
        }
      }
      code = 0;
    } finally {
      System.out.flush();
      System.exit(code); // llama.cpp's threads keep the JVM alive otherwise
    }
  }

  private static void run(Path repo, Path out) throws Exception {
    List<HostTool> tools = defaultTools(repo);
    var scripted = new ScriptedBackend(REPLIES);
    newPlanner(scripted, tools).run(TASK, PlannerEvents.NONE);
    List<GenerationRequest> requests = scripted.requests();
    Path dir = Files.createTempDirectory("prompt-bench");
    Path gguf = TinyGguf.tiny(dir.resolve("tiny.gguf"));
    var settings = new EmbeddedSettings(gguf, 2, 32768, 0);
    try (var backend = new EmbeddedLlamaBackend(settings);
        var tokenizer =
            new LlamaModel(
                new ModelParameters().setModel(gguf.toString()).setCtxSize(512).disableLog())) {
      System.out.printf(Locale.ROOT, "tools\t%d%n", tools.size());
      String first = requests.get(0).turns().get(0).content();
      System.out.printf(Locale.ROOT, "first prompt chars\t%d%n", first.length());
      int[] previous = null;
      Files.createDirectories(out);
      for (int i = 0; i < requests.size(); i++) {
        Files.writeString(out.resolve("step-" + (i + 1) + ".txt"), backend.prompt(requests.get(i)));
        int[] tokens = tokenizer.encode(backend.prompt(requests.get(i)));
        if (previous == null) {
          System.out.printf(Locale.ROOT, "first prompt tokens\t%d%n", tokens.length);
        } else {
          int shared = sharedPrefix(previous, tokens);
          String before = backend.prompt(requests.get(i - 1));
          String now = backend.prompt(requests.get(i));
          int added = tokenizer.encode(now.substring(sharedPrefix(before, now))).length;
          System.out.printf(
              Locale.ROOT,
              "step %d tokens / evaluated / new content\t%d / %d / %d%n",
              i + 1,
              tokens.length,
              tokens.length - shared,
              added);
        }
        previous = tokens;
      }
    }
    httpFirstPrompts(tools);
  }

  /**
   * Sends each step's rendered prompt to llama.cpp in order, with the prompt cache on as the
   * embedded backend sets it, generating one token: llama.cpp logs the tokens it evaluated.
   */
  private static void replay(Path out) throws Exception {
    Path gguf = TinyGguf.tiny(Files.createTempDirectory("prompt-replay").resolve("tiny.gguf"));
    try (var model =
        new LlamaModel(
            new ModelParameters().setModel(gguf.toString()).setCtxSize(32768).setThreads(2))) {
      for (int step = 1; Files.exists(out.resolve("step-" + step + ".txt")); step++) {
        String prompt = Files.readString(out.resolve("step-" + step + ".txt"));
        model.complete(new InferenceParameters(prompt).setNPredict(1).setCachePrompt(true));
      }
    }
  }

  /**
   * Time to the first action and to the answer on a generated GGUF of the given shape: the fixed
   * task runs through the planner with every step's generation done for real by the embedded
   * backend (its prompt evaluated, with the prompt cache, and up to {@link #TIMED_TOKENS} tokens
   * generated under the action grammar) while the scripted reply is what the planner gets, so the
   * run follows the same 4 steps whatever random weights generate.
   */
  private static void timed(Path repo, String shape) throws Exception {
    Path dir = Files.createTempDirectory("prompt-timed");
    Path gguf =
        shape.equals("1.5b")
            ? TinyGguf.r1Qwen15b(dir.resolve("r1-1.5b.gguf"))
            : TinyGguf.tiny(dir.resolve("tiny.gguf"));
    var settings = new EmbeddedSettings(gguf, 2, TIMED_CONTEXT, 0);
    try (var embedded = new EmbeddedLlamaBackend(settings)) {
      var scripted = new ScriptedBackend(REPLIES);
      ModelBackend timed =
          new ModelBackend() {
            @Override
            public String describe() {
              return "timed replay";
            }

            @Override
            public Generation generate(GenerationRequest request, TokenListener listener) {
              embedded.generate(
                  new GenerationRequest(
                      request.turns(),
                      request.think(),
                      request.priorReasoning(),
                      request.schema(),
                      Math.min(TIMED_TOKENS, request.maxTokens()),
                      request.sampling()),
                  TokenListener.NONE);
              return scripted.generate(request, listener);
            }

            @Override
            public int contextTokens() {
              return TIMED_CONTEXT;
            }

            @Override
            public void close() {}
          };
      long start = System.nanoTime();
      long[] firstAction = {0};
      var events =
          new PlannerEvents() {
            @Override
            public void toolStarted(int step, HostTool tool, Map<String, Object> arguments) {
              if (firstAction[0] == 0) {
                firstAction[0] = System.nanoTime();
              }
            }
          };
      var planner = newPlanner(timed, defaultTools(repo), Duration.ofHours(1));
      planner.run(TASK, events);
      long end = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "time to first action, s (%s shape)\t%.1f%n",
          shape,
          (firstAction[0] - start) / 1e9);
      System.out.printf(
          Locale.ROOT, "time to the answer, s (%s shape)\t%.1f%n", shape, (end - start) / 1e9);
    } finally {
      Files.deleteIfExists(gguf); // 1.9 GB at the 1.5B shape
    }
  }

  private static int sharedPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  private static int sharedPrefix(int[] a, int[] b) {
    int n = Math.min(a.length, b.length);
    int i = 0;
    while (i < n && a[i] == b[i]) {
      i++;
    }
    return i;
  }

  private static void httpFirstPrompts(List<HostTool> tools) throws Exception {
    try (var server = new FakeModelServer()) {
      server.reply("", "{\"answer\": \"done\"}");
      server.reply("", "{\"answer\": \"done\"}");
      var ollama = new OllamaBackend(server.uri(), "deepseek-r1:7b", 8192, Duration.ofSeconds(30));
      var openai = new OpenAiBackend(server.uri(), "r1", null, 8192, Duration.ofSeconds(30));
      newPlanner(ollama, tools).run(TASK, PlannerEvents.NONE);
      newPlanner(openai, tools).run(TASK, PlannerEvents.NONE);
      var received = server.received();
      for (int i = 0; i < received.size(); i++) {
        String messages = received.get(i).body().get("messages").toString();
        System.out.printf(
            Locale.ROOT,
            "%s first request: messages chars\t%d%n",
            i == 0 ? "ollama" : "openai-compatible",
            messages.length());
      }
    }
  }

  private static Planner newPlanner(ModelBackend model, List<HostTool> tools) {
    return newPlanner(model, tools, Duration.ofMinutes(5));
  }

  private static Planner newPlanner(ModelBackend model, List<HostTool> tools, Duration time) {
    ToolHost host =
        new ToolHost() {
          @Override
          public List<HostTool> tools() {
            return tools;
          }

          @Override
          public ToolResult call(HostTool tool, Map<String, Object> arguments) {
            return new ToolResult(false, RESULTS.getOrDefault(tool.tool().name(), "ok"));
          }
        };
    // The record's canonical constructor, not the builder: bridge-prompt.sh compiles this class
    // against an older commit too, whose Budgets has no builder.
    var budgets = new Budgets(8, 100_000, time, 1024, 512, 2, 0.25, 4000, 100);
    return new Planner(
        model,
        host,
        new ApprovalGate(ApprovalPolicy.NEVER, UserConsole.NON_INTERACTIVE),
        budgets,
        Sampling.R1,
        r -> {},
        false);
  }

  /** DevHost's default toolsets, fs, git and pg, from the tool contracts stored in the repo. */
  private static List<HostTool> defaultTools(Path repo) throws Exception {
    var tools = new ArrayList<HostTool>();
    var mapper = new JacksonMcpJsonMapper(JSON);
    for (String module : List.of("tools-filesystem", "tools-git", "tools-postgres")) {
      Path dir = repo.resolve(module).resolve("src/main/resources/META-INF/devhost/tool-contracts");
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.sorted().toList()) {
          var tool = mapper.readValue(Files.readString(f), McpSchema.Tool.class);
          tools.add(new HostTool(tool.name(), "devhost", tool));
        }
      }
    }
    return tools;
  }

  private static String table(String header, String row, int rows) {
    var t = new StringBuilder(header).append('\n');
    String[] names = {"orders", "customers", "products", "order_items", "payments", "shipments"};
    for (int i = 1; i <= rows; i++) {
      t.append(String.format(Locale.ROOT, row, names[i % names.length], 40 - i)).append('\n');
    }
    return t.toString();
  }
}

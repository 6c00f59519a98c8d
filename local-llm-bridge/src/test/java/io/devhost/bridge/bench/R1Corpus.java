package io.devhost.bridge.bench;

import io.devhost.bridge.planner.Action;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.databind.json.JsonMapper;

/**
 * A corpus of raw replies written the way unconstrained R1 distills write them, each with the
 * action it means. Built from the shapes seen in practice: long reasoning with self-corrections and
 * JSON-like fragments inside it, an explicit or missing opening tag, a missing {@code </think>},
 * fences, prose before and after, two objects, {@code name}/{@code parameters} and OpenAI-style
 * aliases, single quotes, trailing commas, prose final answers, and replies cut off by the token
 * limit (which nothing can repair, and which count as failures).
 */
final class R1Corpus {

  /** One raw reply and the action a reader would take from it; null when none can be. */
  record Sample(String kind, String raw, Action expected) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String[] OPENERS = {
    "Okay, so the user wants to know which files reference the orders table. ",
    "Alright, let me figure out what to do next. ",
    "Hmm, I need to find where orders is used and how many rows it has. ",
    "Let me think about this step by step. First, I should look at the code. ",
  };
  private static final String[] MIDDLES = {
    "Wait, no, I already know the directory layout, so searching is better. ",
    "Maybe I could call {\"tool\": \"count_rows\", \"arguments\": {\"table\": \"customers\"}}, but that is the wrong table. ",
    "Let me double-check the tool list: search_files, count_rows, run_sql. The last one writes, so not that. ",
    "I think the answer needs both sources. But wait, the ledger has nothing yet. ",
    "",
  };

  private R1Corpus() {}

  static List<Sample> build(int size, long seed) {
    var random = new SplittableRandom(seed);
    var samples = new ArrayList<Sample>();
    for (int i = 0; i < size; i++) {
      Action action = action(random);
      String reasoning =
          OPENERS[random.nextInt(OPENERS.length)]
              + MIDDLES[random.nextInt(MIDDLES.length)]
              + MIDDLES[random.nextInt(MIDDLES.length)]
              + "So the next step is clear.";
      samples.add(sample(random.nextInt(100), reasoning, action, random));
    }
    return samples;
  }

  private static Action action(SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 ->
          new Action.ToolCall(
              "search_files", Map.of("query", random.nextBoolean() ? "orders" : "FROM orders"));
      case 1 ->
          new Action.ToolCall(
              "count_rows", Map.of("table", random.nextBoolean() ? "orders" : "customers"));
      case 2 ->
          new Action.ToolCall(
              "search_files", Map.of("query", "order_id", "maxResults", 1 + random.nextInt(50)));
      default ->
          new Action.Answer(
              "src/OrderRepository.java and db/V1__orders.sql use orders; it has 3 rows (#1, #2).");
    };
  }

  private static Sample sample(int roll, String reasoning, Action action, SplittableRandom random) {
    String json = action.toJson();
    String pretty = pretty(action);
    String open = random.nextInt(5) == 0 ? "<think>\n" : "";
    if (roll < 25 && quotesNumbers(action) && random.nextBoolean()) {
      // as R1 distills often write them: "maxResults": "7"; one reading, converted by the checker
      String quoted = json.replaceAll("\"maxResults\":(\\d+)", "\"maxResults\":\"$1\"");
      return new Sample("quoted number", open + reasoning + "\n</think>\n\n" + quoted, action);
    }
    if (roll < 25) {
      return new Sample("plain", open + reasoning + "\n</think>\n\n" + json, action);
    }
    if (roll < 45) {
      return new Sample(
          "fenced", open + reasoning + "\n</think>\n\n```json\n" + pretty + "\n```", action);
    }
    if (roll < 55) {
      return new Sample(
          "prose around",
          open
              + reasoning
              + "</think>\nHere is the next action:\n"
              + json
              + "\nI will wait for the result.",
          action);
    }
    if (roll < 62) {
      String imagined = "{\"tool\": \"count_rows\", \"arguments\": {\"table\": \"orders\"}}";
      return new Sample(
          "two objects", open + reasoning + "</think>\n" + json + "\n\nThen:\n" + imagined, action);
    }
    if (roll < 70) {
      return new Sample("missing </think>", open + reasoning + "\n\n" + json, action);
    }
    if (roll < 77 && action instanceof Action.ToolCall call) {
      String alias =
          random.nextBoolean()
              ? JSON.writeValueAsString(Map.of("name", call.tool(), "parameters", call.arguments()))
              : JSON.writeValueAsString(
                  Map.of(
                      "function",
                      Map.of(
                          "name",
                          call.tool(),
                          "arguments",
                          JSON.writeValueAsString(call.arguments()))));
      return new Sample("aliases", open + reasoning + "</think>\n" + alias, action);
    }
    if (roll < 84) {
      String sloppy = json.replace('"', '\'').replace("}", ",}");
      return new Sample(
          "single quotes, trailing commas", open + reasoning + "</think>\n" + sloppy, action);
    }
    if (roll < 92 && action instanceof Action.Answer answer) {
      return new Sample("prose answer", open + reasoning + "</think>\n\n" + answer.text(), action);
    }
    if (roll < 99) {
      return new Sample("pretty", open + reasoning + "\n</think>\n" + pretty, action);
    }
    return new Sample(
        "cut at the token limit",
        open + reasoning + "</think>\n" + json.substring(0, json.length() / 2),
        null);
  }

  private static boolean quotesNumbers(Action action) {
    return action instanceof Action.ToolCall call && call.arguments().containsKey("maxResults");
  }

  private static String pretty(Action action) {
    var map = new LinkedHashMap<String, Object>();
    if (action instanceof Action.ToolCall call) {
      map.put("tool", call.tool());
      map.put("arguments", call.arguments());
    } else {
      map.put("answer", ((Action.Answer) action).text());
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(map);
  }
}

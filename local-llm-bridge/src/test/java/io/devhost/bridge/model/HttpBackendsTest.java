package io.devhost.bridge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.bridge.testing.FakeModelServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Ollama and OpenAI-compatible backends against a local server with the real API shapes. */
class HttpBackendsTest {

  private static final Map<String, Object> SCHEMA =
      Map.of(
          "type",
          "object",
          "properties",
          Map.of("answer", Map.of("type", "string")),
          "required",
          List.of("answer"));
  private static final List<Turn> TURNS = List.of(Turn.user("What is 2+2?"));

  private FakeModelServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FakeModelServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static GenerationRequest request() {
    return new GenerationRequest(TURNS, true, null, SCHEMA, 300, Sampling.R1);
  }

  @Test
  void ollamaStreamsThinkingAndAConstrainedAnswerWithoutEverSendingTools() {
    server.reply("Two plus two is four.", "{\"answer\": \"4\"}");
    var ollama = new OllamaBackend(server.uri(), "deepseek-r1:7b", 4096, Duration.ofSeconds(10));
    var streamed = new StringBuilder();

    Generation g =
        ollama.generate(
            request(),
            new TokenListener() {
              @Override
              public void onReasoning(String delta) {
                streamed.append(delta);
              }
            });

    assertThat(g.reasoning()).isEqualTo("Two plus two is four.");
    assertThat(g.content()).isEqualTo("{\"answer\": \"4\"}");
    assertThat(g.reasoningClosed()).isTrue();
    assertThat(g.promptTokens()).isEqualTo(42);
    assertThat(streamed).hasToString("Two plus two is four.");
    JsonNode body = server.received().get(0).body();
    assertThat(body.has("tools")).isFalse();
    assertThat(body.get("think").asBoolean()).isTrue();
    assertThat(body.get("stream").asBoolean()).isTrue();
    assertThat(body.get("format").toString()).contains("\"answer\"");
    assertThat(body.at("/options/temperature").asDouble()).isEqualTo(0.6);
    assertThat(body.at("/options/top_p").asDouble()).isEqualTo(0.95);
    assertThat(body.at("/options/num_predict").asInt()).isEqualTo(300);
    assertThat(body.at("/messages/0/role").asString()).isEqualTo("user");
    assertThat(body.get("messages")).hasSize(1);
  }

  @Test
  void ollamaRejectsToolsForR1SoTheBridgeNeverSendsThem() throws Exception {
    var raw =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.uri().resolve("/api/chat"))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"deepseek-r1:7b\",\"messages\":[],\"tools\":[{}]}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(raw.statusCode()).isEqualTo(400);
    assertThat(raw.body()).contains("does not support tools");

    server.reply("", "{\"answer\": \"ok\"}");
    new OllamaBackend(server.uri(), "deepseek-r1:7b", 4096, Duration.ofSeconds(10))
        .generate(request(), TokenListener.NONE);
    assertThat(server.received())
        .last()
        .satisfies(r -> assertThat(r.body().has("tools")).isFalse());
  }

  @Test
  void ollamaFallsBackToInlineTagsForAModelWithoutThinking() {
    server.rejectThinking();
    server.reply("", "<think>\nfour</think>{\"answer\": \"4\"}");
    var ollama = new OllamaBackend(server.uri(), "deepseek-r1:7b", 4096, Duration.ofSeconds(10));

    Generation g = ollama.generate(request(), TokenListener.NONE);

    assertThat(g.reasoning()).isEqualTo("four");
    assertThat(g.content()).isEqualTo("{\"answer\": \"4\"}");
    assertThat(server.received()).hasSize(2);
    assertThat(server.received().get(1).body().has("think")).isFalse();
  }

  @Test
  void ollamaExplainsAMissingModel() {
    var ollama = new OllamaBackend(server.uri(), "deepseek-r1:70b", 4096, Duration.ofSeconds(10));
    assertThatThrownBy(() -> ollama.generate(request(), TokenListener.NONE))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("ollama pull deepseek-r1:70b");
  }

  @Test
  void openAiSendsTheSchemaAsResponseFormatAndReadsReasoningContent() {
    server.reply("Simple arithmetic.", "{\"answer\": \"4\"}");
    var openai = new OpenAiBackend(server.uri(), "r1", "sk-test-key", 4096, Duration.ofSeconds(10));

    Generation g = openai.generate(request(), TokenListener.NONE);

    assertThat(g.reasoning()).isEqualTo("Simple arithmetic.");
    assertThat(g.content()).isEqualTo("{\"answer\": \"4\"}");
    assertThat(g.completionTokens()).isEqualTo(5); // usage.completion_tokens: the 5 pieces sent
    assertThat(g.promptTokens()).isEqualTo(42);
    var received = server.received().get(0);
    assertThat(received.path()).isEqualTo("/v1/chat/completions");
    assertThat(received.headers().get("Authorization")).containsExactly("Bearer sk-test-key");
    JsonNode body = received.body();
    assertThat(body.at("/response_format/type").asString()).isEqualTo("json_schema");
    assertThat(body.at("/response_format/json_schema/schema").toString()).contains("\"answer\"");
    assertThat(body.get("temperature").asDouble()).isEqualTo(0.6);
    assertThat(body.get("max_tokens").asInt()).isEqualTo(300);
    assertThat(body.has("tools")).isFalse();
  }

  @Test
  void openAiReadsAReasoningField() {
    server.reasoningField("reasoning");
    server.reply("Adding.", "{\"answer\": \"4\"}");

    Generation g =
        new OpenAiBackend(server.uri(), "r1", null, 4096, Duration.ofSeconds(10))
            .generate(request(), TokenListener.NONE);

    assertThat(g.reasoning()).isEqualTo("Adding.");
    assertThat(g.content()).isEqualTo("{\"answer\": \"4\"}");
  }

  @Test
  void openAiDropsResponseFormatForGoodWhenTheServerRejectsIt() {
    server.rejectResponseFormat();
    server.reply("", "<think>\nadd them</think>\n```json\n{\"answer\": \"4\"}\n```");
    server.reply("", "{\"answer\": \"5\"}");
    var openai =
        new OpenAiBackend(
            URI.create(server.uri() + "/v1"), "r1", null, 4096, Duration.ofSeconds(10));

    Generation g = openai.generate(request(), TokenListener.NONE);
    openai.generate(request(), TokenListener.NONE);

    assertThat(g.reasoning()).isEqualTo("add them");
    assertThat(g.content()).contains("{\"answer\": \"4\"}");
    assertThat(openai.constrainsOutput()).isFalse();
    assertThat(server.received()).hasSize(3);
    assertThat(server.received().get(2).body().has("response_format")).isFalse();
    assertThat(server.received().get(0).headers()).doesNotContainKey("Authorization");
  }

  @Test
  void stopsStreamingWhenTheListenerSaysSo() {
    server.reply("one two three four five six seven eight", "{\"answer\": \"x\"}");
    var openai = new OpenAiBackend(server.uri(), "r1", null, 4096, Duration.ofSeconds(10));

    Generation g =
        openai.generate(
            request(),
            new TokenListener() {
              int seen;

              @Override
              public void onReasoning(String delta) {
                seen++;
              }

              @Override
              public boolean shouldStop() {
                return seen >= 3;
              }
            });

    assertThat(g.finish()).isEqualTo(Generation.Finish.CANCELLED);
    assertThat(g.reasoning()).isEqualTo("one two three");
    assertThat(g.content()).isEmpty();
  }

  @Test
  void afterACutThoughtAsksForTheActionAloneAndNeverSendsTheThoughtBack() {
    server.reply("", "{\"answer\": \"4\"}");
    server.reply("", "{\"answer\": \"4\"}");
    var ollama = new OllamaBackend(server.uri(), "deepseek-r1:7b", 4096, Duration.ofSeconds(10));
    var openai = new OpenAiBackend(server.uri(), "r1", null, 4096, Duration.ofSeconds(10));
    var request =
        new GenerationRequest(
            TURNS, false, "I was adding, ignore the user", SCHEMA, 50, Sampling.R1);

    ollama.generate(request, TokenListener.NONE);
    openai.generate(request, TokenListener.NONE);

    JsonNode body = server.received().get(0).body();
    assertThat(body.get("think").asBoolean()).isFalse();
    for (var received : server.received()) {
      String sent = received.body().get("messages").toString();
      assertThat(sent).contains("What is 2+2?").contains("the action alone");
      assertThat(sent).doesNotContain("I was adding").doesNotContain("ignore the user");
    }
  }

  @Test
  void explainsHowToConfigureAModelWhenNoneIsGiven() {
    var none =
        new ModelOptions(null, null, null, null, 2, 4096, 0, Duration.ofSeconds(5), Map.of());
    assertThatThrownBy(none::open)
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("no model configured")
        .hasMessageContaining("--ollama http://127.0.0.1:11434 --model deepseek-r1:7b")
        .hasMessageContaining("--openai");
  }

  @Test
  void explainsAServerThatIsNotRunning() {
    var ollama =
        new OllamaBackend(
            URI.create("http://127.0.0.1:1"), "deepseek-r1:7b", 4096, Duration.ofSeconds(5));
    assertThatThrownBy(() -> ollama.generate(request(), TokenListener.NONE))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("cannot reach Ollama");
  }
}

package io.devhost.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.bridge.host.ServerConfig;
import io.devhost.bridge.testing.FakeModelServer;
import io.devhost.bridge.testing.TestServers;
import io.devhost.bridge.testing.TinyGguf;
import io.devhost.bridge.testing.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code devhost ask} as a user runs it: no {@code --mcp-config}, so it starts DevHost's own server
 * (this program, {@code serve --stdio}, in the working directory), with an OpenAI-compatible model
 * server replaying R1-style replies.
 */
class AskCommandTest {

  @TempDir Path dir;
  private FakeModelServer model;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    model = new FakeModelServer();
  }

  @AfterEach
  void stop() {
    model.close();
  }

  private int ask(String... args) {
    var cli = DevhostCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler(new CleanErrorHandler());
    return cli.execute(args);
  }

  @Test
  void printsOnlyTheAnswerOnStdoutAndAuditsEachCall() throws Exception {
    model.reply(
        "I should read the pom to find the artifact id.",
        "{\"tool\": \"read_text_file\", \"arguments\": {\"path\": \"pom.xml\", \"head\": 12}}");
    model.reply("The artifactId is mcp-server.", "{\"answer\": \"mcp-server\"}");
    Path audit = dir.resolve("audit.jsonl");

    int code =
        ask(
            "ask",
            "--openai",
            model.uri() + "/v1",
            "--model",
            "r1",
            "--audit-log",
            audit.toString(),
            "What is the artifactId in pom.xml?");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("mcp-server\n");
    assertThat(err.toString()).contains("step 1/12").contains("-> read_text_file");
    assertThat(Files.readAllLines(audit))
        .singleElement()
        .asString()
        .contains("\"session\":\"bridge:devhost\"")
        .contains("\"tool\":\"read_text_file\"")
        .contains("\"decision\":\"read_only\"");
    assertThat(model.received()).allSatisfy(r -> assertThat(r.body().has("tools")).isFalse());
    assertThat(model.received().get(0).body().at("/response_format/type").asString())
        .isEqualTo("json_schema");
  }

  @Test
  void printsATranscriptWithJson() throws Exception {
    model.reply("Reading.", "{\"tool\": \"list_allowed_directories\", \"arguments\": {}}");
    model.reply("Done.", "{\"answer\": \"one root\"}");

    int code =
        ask(
            "ask",
            "--openai",
            model.uri().toString(),
            "--json",
            "--thoughts",
            "--quiet",
            "Which roots?");

    assertThat(code).as(err.toString()).isZero();
    JsonNode transcript = JsonMapper.builder().build().readTree(out.toString());
    assertThat(transcript.get("status").asString()).isEqualTo("answered");
    assertThat(transcript.get("answer").asString()).isEqualTo("one root");
    assertThat(transcript.at("/steps/0/tool").asString()).isEqualTo("list_allowed_directories");
    assertThat(transcript.at("/steps/0/thought").asString()).isEqualTo("Reading.");
    assertThat(transcript.at("/steps/0/resultChars").asInt()).isPositive();
    assertThat(transcript.at("/totals/modelCalls").asInt()).isEqualTo(2);
    assertThat(transcript.at("/totals/completionTokens").asInt()).isPositive();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void exitsOneWithTheReasonWhenTheBudgetRunsOut() {
    model.reply("", "{\"tool\": \"list_allowed_directories\", \"arguments\": {}}");

    int code =
        ask("ask", "--openai", model.uri().toString(), "--max-steps", "1", "--quiet", "Loop?");

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("no answer within 1 steps; raise --max-steps");
  }

  @Test
  void worksWithOllamaToo() {
    model.reply(
        "Listing the roots first.", "{\"tool\": \"list_allowed_directories\", \"arguments\": {}}");
    model.reply("That is enough.", "{\"answer\": \"the module directory\"}");

    int code =
        ask(
            "ask",
            "--ollama",
            model.uri().toString(),
            "--model",
            "deepseek-r1:7b",
            "--quiet",
            "Which roots?");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("the module directory\n");
    assertThat(model.received())
        .extracting(FakeModelServer.Received::path)
        .containsOnly("/api/chat");
    assertThat(model.received().get(0).body().get("think").asBoolean()).isTrue();
  }

  @Test
  void keepsStdoutCleanWithTheEmbeddedModel() throws Exception {
    Path gguf = TinyGguf.tiny(dir.resolve("tiny.gguf"));
    var stdout = new java.io.ByteArrayOutputStream();
    var original = System.out;
    System.setOut(new java.io.PrintStream(stdout, true));
    int code;
    try {
      code =
          ask(
              "ask",
              "--model",
              gguf.toString(),
              "--max-steps",
              "2",
              "--think-tokens",
              "16",
              "--seed",
              "1",
              // The default toolsets' definitions take ~11k tokens of the tiny model's
              // byte-level vocabulary.
              "--ctx-size",
              "16384",
              "--json",
              "--quiet",
              "Which roots?");
    } finally {
      System.setOut(original);
    }

    assertThat(code).as(err.toString()).isIn(0, 1);
    assertThat(stdout.toString()).isEmpty(); // nothing from the native library or llama.cpp
    JsonNode transcript = JsonMapper.builder().build().readTree(out.toString());
    assertThat(transcript.get("model").asString()).isEqualTo("embedded tiny.gguf");
    assertThat(transcript.get("steps")).as(err.toString()).isNotEmpty();
    assertThat(transcript.at("/steps/0/rejected")).as(transcript.toString()).isEmpty();
  }

  @Test
  void answersWithOnePlannerOverAModernOnlyAndALegacyServer() throws Exception {
    Workspace.create(dir);
    Path config = dir.resolve("servers.json");
    Files.writeString(
        config,
        JsonMapper.builder()
            .build()
            .writeValueAsString(
                Map.of(
                    "mcpServers",
                    Map.of(
                        "modern", entry(TestServers.modernServer("modern", dir)),
                        "legacy", entry(TestServers.toolServer("legacy", dir))))));
    model.reply(
        "The modern server counts orders.",
        "{\"tool\": \"modern.count_rows\", \"arguments\": {\"table\": \"orders\"}}");
    model.reply(
        "The legacy server counts customers.",
        "{\"tool\": \"legacy.count_rows\", \"arguments\": {\"table\": \"customers\"}}");
    model.reply("Both answered.", "{\"answer\": \"3 orders, 2 customers\"}");
    Path audit = dir.resolve("audit.jsonl");

    int code =
        ask(
            "ask",
            "--openai",
            model.uri().toString(),
            "--mcp-config",
            config.toString(),
            "--audit-log",
            audit.toString(),
            "How many orders and customers?");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("3 orders, 2 customers\n");
    assertThat(err.toString()).contains("-> modern.count_rows").contains("-> legacy.count_rows");
    // what each server answered went back to the model in the next prompt
    assertThat(model.received().get(1).body().toString()).contains("orders has 3 rows");
    assertThat(model.received().get(2).body().toString()).contains("customers has 2 rows");
    assertThat(Files.readAllLines(audit))
        .hasSize(2)
        .anySatisfy(line -> assertThat(line).contains("\"session\":\"bridge:modern\""))
        .anySatisfy(line -> assertThat(line).contains("\"session\":\"bridge:legacy\""));
  }

  private static Map<String, Object> entry(ServerConfig.Stdio server) {
    return Map.of("command", server.command(), "args", server.args());
  }

  @Test
  void explainsHowToConfigureAModelAndStartsNoServer() {
    int code = ask("ask", "anything");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("no model configured")
        .contains("--ollama")
        .contains("GGUF");
  }

  @Test
  void rejectsAnUnknownApprovalPolicy() {
    int code = ask("ask", "--openai", model.uri().toString(), "--approve", "sometimes", "x");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--approve must be never, ask or always");
  }

  @Test
  void aTrustNamingAToolTheServerDoesNotHaveIsOneErrorNamingIt() {
    int code =
        ask("ask", "--openai", model.uri().toString(), "--trust", "devhost.read_txt_file", "x");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--trust devhost.read_txt_file: server 'devhost' has no tool 'read_txt_file'");
  }

  @Test
  void aMalformedAlwaysAllowIsOneErrorNamingTheKeyAndTheServer() throws Exception {
    Path config = dir.resolve("servers.json");
    java.nio.file.Files.writeString(
        config, "{\"mcpServers\": {\"pg\": {\"command\": \"x\", \"alwaysAllow\": \"query\"}}}");

    int code =
        ask("ask", "--openai", model.uri().toString(), "--mcp-config", config.toString(), "x");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("mcpServers.pg.alwaysAllow: expected a list of tool names");
  }
}

package io.devhost.bridge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.bridge.host.ClientFeatures;
import io.devhost.bridge.host.HostTool;
import io.devhost.bridge.host.McpHost;
import io.devhost.bridge.host.UserConsole;
import io.devhost.bridge.planner.ActionChecker;
import io.devhost.bridge.planner.ActionSchema;
import io.devhost.bridge.planner.ApprovalGate;
import io.devhost.bridge.planner.ApprovalPolicy;
import io.devhost.bridge.planner.Budgets;
import io.devhost.bridge.planner.Planner;
import io.devhost.bridge.planner.PlannerEvents;
import io.devhost.bridge.planner.RunResult;
import io.devhost.bridge.planner.ToolCallListener;
import io.devhost.bridge.testing.TestServers;
import io.devhost.bridge.testing.TinyGguf;
import io.devhost.bridge.testing.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real llama.cpp inference on a tiny random-weight GGUF written by the test. */
class EmbeddedLlamaBackendTest {

  @TempDir static Path dir;
  static EmbeddedLlamaBackend model;

  static McpHost host;

  @BeforeAll
  static void load() {
    Path gguf = TinyGguf.tiny(dir.resolve("tiny.gguf"));
    model = new EmbeddedLlamaBackend(new EmbeddedSettings(gguf, 2, 8192, 0));
    Workspace.create(dir);
    host =
        McpHost.connect(
            List.of(TestServers.toolServer("proj", dir)),
            new ClientFeatures(dir, UserConsole.NON_INTERACTIVE, null),
            Duration.ofSeconds(30));
  }

  @AfterAll
  static void unload() {
    host.close();
    model.close();
  }

  private static final List<Turn> TURNS =
      List.of(Turn.user("List the files."), Turn.assistant("{\"tool\":\"x\"}"), Turn.user("Next?"));

  @Test
  void rendersTheModelsOwnChatTemplateAndOpensTheReplyInReasoning() {
    String thinking = model.prompt(new GenerationRequest(TURNS, true, null, null, 10, Sampling.R1));
    assertThat(thinking)
        .isEqualTo(
            "<｜User｜>List the files.<｜Assistant｜>{\"tool\":\"x\"}<｜end▁of▁sentence｜><｜User｜>Next?<｜Assistant｜><think>\n");

    String acting =
        model.prompt(new GenerationRequest(TURNS, false, "I was listing", null, 10, Sampling.R1));
    assertThat(acting).endsWith("<｜Assistant｜><think>\nI was listing\n</think>\n\n");
  }

  @Test
  void streamsEveryTokenToTheListener() {
    var pieces = new ArrayList<String>();
    Generation g =
        model.generate(
            new GenerationRequest(TURNS, true, null, null, 24, new Sampling(0.6, 0.95, 7)),
            new TokenListener() {
              @Override
              public void onReasoning(String delta) {
                pieces.add(delta);
              }

              @Override
              public void onContent(String delta) {
                pieces.add(delta);
              }
            });

    assertThat(g.completionTokens()).isBetween(1, 24);
    assertThat(pieces).isNotEmpty();
    assertThat(noSpace(String.join("", pieces))).isEqualTo(noSpace(g.reasoning() + g.content()));
    assertThat(g.promptTokens()).isGreaterThan(5);
  }

  private static String noSpace(String s) {
    return s.replaceAll("\\s+", "");
  }

  @Test
  void stopsWhenTheListenerCancelsAndStaysUsable() {
    Generation cancelled =
        model.generate(
            new GenerationRequest(TURNS, true, null, null, 500, new Sampling(0.6, 0.95, 3)),
            new TokenListener() {
              int seen;

              @Override
              public void onReasoning(String delta) {
                seen++;
              }

              @Override
              public void onContent(String delta) {
                seen++;
              }

              @Override
              public boolean shouldStop() {
                return seen >= 5;
              }
            });
    assertThat(cancelled.finish()).isEqualTo(Generation.Finish.CANCELLED);
    assertThat(cancelled.completionTokens()).isLessThanOrEqualTo(6);

    Generation next =
        model.generate(
            new GenerationRequest(TURNS, true, null, null, 8, Sampling.R1), TokenListener.NONE);
    assertThat(next.completionTokens()).isBetween(1, 8);
  }

  @Test
  void refusesAPromptLargerThanTheContextInsteadOfCrashing() {
    var huge = List.of(Turn.user("word ".repeat(20000)));
    assertThatThrownBy(
            () ->
                model.generate(
                    new GenerationRequest(huge, true, null, null, 10, Sampling.R1),
                    TokenListener.NONE))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("raise --ctx-size");
  }

  @Test
  void everySchemaConstrainedActionParsesAndValidatesAgainstTheLiveToolSchemas() {
    {
      List<HostTool> tools = host.tools();
      Map<String, Object> schema = ActionSchema.of(tools, 256);
      var checker = new ActionChecker(tools);
      var problems = new ArrayList<String>();
      int valid = 0;
      for (int seed = 0; seed < 100; seed++) {
        Generation g =
            model.generate(
                new GenerationRequest(
                    TURNS, false, "I will act now.", schema, 256, new Sampling(0.6, 0.95, seed)),
                TokenListener.NONE);
        var result = checker.check(g.reasoning(), g.content(), g.reasoningClosed());
        if (result instanceof ActionChecker.Usable) {
          valid++;
        } else {
          problems.add("seed " + seed + ": " + result + " from " + g.content());
        }
      }
      assertThat(problems).isEmpty();
      assertThat(valid).isEqualTo(100);
    }
  }

  @Test
  void thePlannerGetsAUsableActionAtEveryStepFromRealInference() {
    var budgets =
        Budgets.builder()
            .maxSteps(3)
            .maxModelTokens(4000)
            .maxTime(Duration.ofMinutes(2))
            .thinkTokens(24)
            .actionTokens(256)
            .retries(0)
            .resultChars(2000)
            .build();
    var planner =
        new Planner(
            model,
            host,
            new ApprovalGate(ApprovalPolicy.ASK, UserConsole.NON_INTERACTIVE),
            budgets,
            new Sampling(0.6, 0.95, 11),
            ToolCallListener.NONE,
            true);

    RunResult result = planner.run("Which files mention orders?", PlannerEvents.NONE);

    assertThat(result.status())
        .isIn(RunResult.Status.ANSWERED, RunResult.Status.STEP_LIMIT, RunResult.Status.LOOP);
    assertThat(result.steps())
        .isNotEmpty()
        .allSatisfy(step -> assertThat(step.rejected()).isEmpty());
    assertThat(result.totals().modelCalls())
        .isBetween(result.steps().size(), 2 * result.steps().size());
    assertThat(dir.resolve("writes.log")).doesNotExist();
  }
}

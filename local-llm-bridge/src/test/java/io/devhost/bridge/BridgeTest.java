package io.devhost.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.bridge.changes.RuleSet;
import io.devhost.bridge.model.ModelOptions;
import io.devhost.bridge.model.Sampling;
import io.devhost.bridge.model.Turn;
import io.devhost.bridge.planner.ApprovalPolicy;
import io.devhost.bridge.planner.Budgets;
import io.devhost.bridge.planner.PlannerEvents;
import io.devhost.bridge.planner.RunResult;
import io.devhost.bridge.planner.ToolCallListener;
import io.devhost.bridge.testing.ScriptedBackend;
import io.devhost.bridge.testing.ScriptedConsole;
import io.devhost.bridge.testing.TestServers;
import io.devhost.bridge.testing.Workspace;
import io.devhost.bridge.trust.TrustList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled bridge: a server's sampling request answered by the local model after approval. */
class BridgeTest {

  @TempDir Path dir;

  private BridgeConfig config() {
    return new BridgeConfig(
        new ModelOptions(null, null, null, null, 1, 8192, 0, Duration.ofSeconds(5), Map.of()),
        List.of(TestServers.toolServer("proj", Workspace.create(dir))),
        dir,
        Budgets.DEFAULT,
        Sampling.R1,
        ApprovalPolicy.ASK,
        true,
        false,
        Duration.ofSeconds(30),
        TrustList.NONE,
        RuleSet.defaults());
  }

  @Test
  void answersASamplingRequestWithTheLocalModelOnceTheUserAgrees() {
    var model =
        ScriptedBackend.of(
            "</think>{\"tool\": \"summarize\", \"arguments\": {\"text\": \"a long text\"}}",
            "A summary is asked for. I keep it short.</think>A short text.",
            "</think>{\"answer\": \"done\"}");
    var console = new ScriptedConsole("y");

    try (Bridge bridge = Bridge.open(model, config(), console, ToolCallListener.NONE)) {
      RunResult result = bridge.planner().run("summarize", PlannerEvents.NONE);

      assertThat(result.answered()).isTrue();
      assertThat(console.questions())
          .singleElement()
          .asString()
          .contains("Server 'proj' asks the local model");
      var sampling = model.requests().get(1);
      assertThat(sampling.schema()).isNull();
      assertThat(sampling.turns())
          .containsExactly(Turn.user("You write one-line summaries.\n\nSummarize: a long text"));
      assertThat(bridge.planner().ledger().entries().get(0).result()).isEqualTo("A short text.");
    }
  }

  @Test
  void refusesSamplingWhenTheUserSaysNo() {
    var model =
        ScriptedBackend.of(
            "</think>{\"tool\": \"summarize\", \"arguments\": {\"text\": \"x\"}}",
            "</think>{\"answer\": \"could not\"}");

    try (Bridge bridge =
        Bridge.open(model, config(), new ScriptedConsole("n"), ToolCallListener.NONE)) {
      bridge.planner().run("summarize", PlannerEvents.NONE);

      assertThat(model.requests()).hasSize(2); // the model was never asked to sample
      var entry = bridge.planner().ledger().entries().get(0);
      assertThat(entry.error()).isTrue();
      assertThat(entry.result()).contains("refused");
    }
  }
}

package io.devhost.bridge.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.bridge.host.HostTool;
import io.devhost.bridge.host.UserConsole;
import io.devhost.bridge.planner.ApprovalGate;
import io.devhost.bridge.planner.ApprovalPolicy;
import io.devhost.bridge.planner.Decision;
import io.devhost.bridge.trust.TrustList;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the approval gate treats a change the monitor flagged, under each policy. */
class ApprovalGateChangeTest {

  static final HostTool WRITE =
      new HostTool(
          "write_file",
          "fs",
          McpSchema.Tool.builder()
              .name("write_file")
              .inputSchema(Map.<String, Object>of("type", "object"))
              .build());

  /** A console that answers from a list and keeps every question. */
  static final class Answers implements UserConsole {
    final ArrayDeque<String> answers;
    final List<String> questions = new ArrayList<>();

    Answers(String... answers) {
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public boolean interactive() {
      return true;
    }

    @Override
    public String ask(String question) {
      questions.add(question);
      return answers.poll();
    }
  }

  private static ChangeReview review(String after) {
    String diff = UnifiedDiffs.of("auth.py", "", after);
    var change =
        ProposedChange.ofDiff("fs", "write_file", "auth.py", ProposedChange.Kind.FILE, diff);
    return new ChangeReview(List.of(change), new ChangeMonitor(RuleSet.defaults()).screen(change));
  }

  static final ChangeReview FLAGGED = review("def auth(t):\n    return t == \"maint-override\"\n");
  static final ChangeReview CLEAN = review("def add(a, b):\n    return a + b\n");

  @Test
  void aFlaggedChangeIsRefusedUnderAlwaysWhenNobodyCanLook() {
    var gate = new ApprovalGate(ApprovalPolicy.ALWAYS, UserConsole.NON_INTERACTIVE);

    assertThat(FLAGGED.flagged()).isTrue();
    assertThat(gate.decide(WRITE, Map.of(), FLAGGED)).isEqualTo(Decision.REFUSED_FLAGGED);
    assertThat(gate.decide(WRITE, Map.of(), CLEAN)).isEqualTo(Decision.APPROVED_BY_POLICY);
    assertThat(gate.flagged())
        .singleElement()
        .asString()
        .contains("refused_flagged", "credentials");
  }

  @Test
  void trustingAToolDoesNotLetAFlaggedChangeThroughUnread() {
    var trust = new TrustList(Map.of("fs.write_file", "--trust fs.write_file"), Set.of());
    var gate = new ApprovalGate(ApprovalPolicy.ASK, UserConsole.NON_INTERACTIVE, trust);

    assertThat(gate.decide(WRITE, Map.of(), FLAGGED)).isEqualTo(Decision.REFUSED_FLAGGED);
    assertThat(gate.decide(WRITE, Map.of(), CLEAN)).isEqualTo(Decision.TRUSTED_BY_USER);
  }

  @Test
  void underAlwaysAPersonAtTheTerminalSeesTheDiffAndTheReasons() {
    var console = new Answers("y");
    var gate = new ApprovalGate(ApprovalPolicy.ALWAYS, console);

    assertThat(gate.decide(WRITE, Map.of(), FLAGGED)).isEqualTo(Decision.APPROVED_FLAGGED_BY_USER);
    assertThat(console.questions.get(0))
        .contains("FLAGGED", "[credentials/literal-auth-comparison] auth.py:2")
        .contains("+    return t == \"maint-override\"");
  }

  @Test
  void neverStillRefusesEveryWriteAndAlwaysForToolDoesNotCoverAFlaggedOne() {
    assertThat(
            new ApprovalGate(ApprovalPolicy.NEVER, new Answers("y"))
                .decide(WRITE, Map.of(), FLAGGED))
        .isEqualTo(Decision.REFUSED_BY_POLICY);
    var console = new Answers("a", "n");
    var gate = new ApprovalGate(ApprovalPolicy.ASK, console);
    assertThat(gate.decide(WRITE, Map.of(), CLEAN)).isEqualTo(Decision.APPROVED_ALWAYS_FOR_TOOL);
    assertThat(gate.decide(WRITE, Map.of(), FLAGGED)).isEqualTo(Decision.REFUSED_BY_USER);
    assertThat(console.questions.get(0)).contains("+def add(a, b):");
  }

  @Test
  void aLongDiffIsPagedNotCut() {
    var lines = new StringBuilder();
    for (int i = 1; i <= 150; i++) {
      lines.append("x").append(i).append(" = ").append(i).append('\n');
    }
    var console = new Answers("", "", "y");
    var gate = new ApprovalGate(ApprovalPolicy.ASK, console);

    assertThat(gate.decide(WRITE, Map.of(), review(lines.toString())))
        .isEqualTo(Decision.APPROVED_BY_USER);
    assertThat(console.questions).hasSize(3);
    assertThat(console.questions.get(0)).contains("+x1 = 1").contains("[Enter] next page");
    assertThat(console.questions.get(2)).contains("+x150 = 150").contains("end of the diff");
  }

  @Test
  void terminalEscapesAndDirectionOverridesInADiffAreShownNotObeyed() {
    var console = new Answers("n");
    var gate = new ApprovalGate(ApprovalPolicy.ALWAYS, console);
    ChangeReview hidden =
        review("ok = 1\u001b[2K\u001b[1A\nif role != \"user\u202e\u2066\": pass\n");

    assertThat(hidden.findings()).extracting(Finding::rule).contains("hidden-characters");
    assertThat(gate.decide(WRITE, Map.of(), hidden)).isEqualTo(Decision.REFUSED_BY_USER);
    assertThat(console.questions.get(0))
        .contains("\\u001b[2K", "\\u202e")
        .doesNotContain("\u001b")
        .doesNotContain("\u202e");
  }
}

package io.devhost.bridge.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.bridge.host.ClientFeatures;
import io.devhost.bridge.host.McpHost;
import io.devhost.bridge.host.UserConsole;
import io.devhost.bridge.model.GenerationRequest;
import io.devhost.bridge.model.Sampling;
import io.devhost.bridge.model.Turn;
import io.devhost.bridge.testing.ScriptedBackend;
import io.devhost.bridge.testing.ScriptedConsole;
import io.devhost.bridge.testing.TestServers;
import io.devhost.bridge.testing.Workspace;
import io.devhost.bridge.trust.TrustList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner against a real MCP server (a child JVM over stdio) with a scripted model that replays
 * outputs the way R1 distills write them.
 */
class PlannerTest {

  @TempDir static Path dir;
  static McpHost host;

  private final List<ToolCallRecord> audit = new ArrayList<>();

  @BeforeAll
  static void startServer() {
    Workspace.create(dir);
    host =
        McpHost.connect(
            List.of(TestServers.toolServer("proj", dir)),
            new ClientFeatures(dir, UserConsole.NON_INTERACTIVE, null),
            Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopServer() {
    host.close();
  }

  @BeforeEach
  void noWritesYet() throws Exception {
    Files.deleteIfExists(dir.resolve("writes.log"));
  }

  private Planner planner(
      ScriptedBackend model, ApprovalPolicy policy, UserConsole console, Budgets budgets) {
    return new Planner(
        model, host, new ApprovalGate(policy, console), budgets, Sampling.R1, audit::add, true);
  }

  private Planner planner(ScriptedBackend model) {
    return planner(model, ApprovalPolicy.ASK, UserConsole.NON_INTERACTIVE, Budgets.DEFAULT);
  }

  @Test
  void solvesAMultiSourceTaskAndKeepsOnlyParsedActionsInTheHistory() {
    var model =
        ScriptedBackend.of(
            "Okay, so the user wants files that reference orders and the row count. Let me first"
                + " search for the table name.\n</think>\n\n```json\n{\"tool\": \"search_files\","
                + " \"arguments\": {\"query\": \"orders\"}}\n```",
            "I found three files. Wait, the note is just notes. Now count the rows.</think>"
                + "{\"tool\":\"count_rows\",\"arguments\":{\"table\":\"orders\"}}",
            "Both facts are in the ledger.</think>{\"answer\": \"src/OrderRepository.java and"
                + " db/V1__orders.sql reference orders (#1); it has 3 rows (#2).\"}");

    RunResult result =
        planner(model)
            .run(
                "Which files reference the orders table and how many rows does it have?",
                PlannerEvents.NONE);

    assertThat(result.status()).isEqualTo(RunResult.Status.ANSWERED);
    assertThat(result.answer()).contains("3 rows");
    assertThat(result.steps()).hasSize(3);
    assertThat(result.totals().modelCalls()).isEqualTo(3);
    GenerationRequest last = model.requests().get(2);
    assertThat(last.turns().get(0).role()).isEqualTo(Turn.Role.USER);
    assertThat(last.turns())
        .filteredOn(t -> t.role() == Turn.Role.ASSISTANT)
        .extracting(Turn::content)
        .containsExactly(
            "{\"tool\":\"search_files\",\"arguments\":{\"query\":\"orders\"}}",
            "{\"tool\":\"count_rows\",\"arguments\":{\"table\":\"orders\"}}");
    String prompt = String.join("\n", last.turns().stream().map(Turn::content).toList());
    assertThat(prompt).doesNotContain("Okay, so the user").doesNotContain("</think>");
    assertThat(prompt)
        .contains("#1 proj/search_files {\"query\":\"orders\"}")
        .contains("#2 proj/count_rows");
    assertThat(prompt).contains("<<<untrusted data from proj/count_rows");
    assertThat(last.schema()).containsKey("anyOf");
    assertThat(last.think()).isTrue();
  }

  @Test
  void aTrustedUnannotatedToolRunsUnattendedButAnInjectedWriteThroughItNeverRuns()
      throws Exception {
    var trust =
        TrustList.of(Map.of("proj", List.of("run_sql")), "servers.json", List.of(), List.of());
    var model =
        ScriptedBackend.of(
            "</think>{\"tool\": \"run_sql\", \"arguments\": {\"sql\": \"SELECT count(*) FROM orders\"}}",
            "The file said to drop it.</think>{\"tool\": \"run_sql\", \"arguments\":"
                + " {\"sql\": \"SELECT 1; DROP TABLE orders\"}}",
            "</think>{\"answer\": \"3 orders (#1)\"}");
    var planner =
        new Planner(
            model,
            host,
            new ApprovalGate(ApprovalPolicy.NEVER, UserConsole.NON_INTERACTIVE, trust),
            Budgets.DEFAULT,
            Sampling.R1,
            audit::add,
            true);

    RunResult result = planner.run("How many orders are there?", PlannerEvents.NONE);

    assertThat(result.answered()).isTrue();
    assertThat(audit)
        .extracting(ToolCallRecord::decision)
        .containsExactly(Decision.TRUSTED_BY_USER, Decision.REFUSED_BY_POLICY);
    assertThat(Files.readString(dir.resolve("writes.log")))
        .isEqualTo("SELECT count(*) FROM orders\n");
  }

  @Test
  void anArgumentWithOneReadingIsConvertedAndRecordedInsteadOfAskingAgain() {
    var model =
        ScriptedBackend.of(
            "</think>{\"tool\": \"search_files\", \"arguments\": {\"query\": \"orders\","
                + " \"maxResults\": \"2\"}}",
            "</think>{\"answer\": \"two matches (#1)\"}");

    RunResult result = planner(model).run("find orders", PlannerEvents.NONE);

    assertThat(result.answered()).isTrue();
    assertThat(result.totals().modelCalls()).isEqualTo(2);
    assertThat(result.steps().get(0).coercions()).containsExactly("maxResults: \"2\" -> 2");
    assertThat(result.steps().get(0).rejected()).isEmpty();
    assertThat(result.steps().get(0).arguments()).containsEntry("maxResults", 2);
    assertThat(io.devhost.bridge.ui.Transcript.json("t", "m", result))
        .contains("\"coerced\" : [ \"maxResults: \\\"2\\\" -> 2\" ]")
        .contains("\"coercions\" : 1");
  }

  @Test
  void sendsAHallucinatedToolBackWithTheClosestRealName() {
    var model =
        ScriptedBackend.of(
            "</think>{\"tool\": \"search_file\", \"arguments\": {\"query\": \"orders\"}}",
            "</think>{\"tool\": \"search_files\", \"arguments\": {\"query\": \"orders\"}}",
            "</think>{\"answer\": \"done\"}");

    RunResult result = planner(model).run("find orders", PlannerEvents.NONE);

    assertThat(result.answered()).isTrue();
    assertThat(result.steps().get(0).rejected())
        .singleElement()
        .asString()
        .contains("no tool named 'search_file'")
        .contains("did you mean 'search_files'");
    String retryPrompt = model.requests().get(1).turns().get(0).content();
    assertThat(retryPrompt)
        .contains("Your previous reply could not be used: there is no tool named");
  }

  @Test
  void rejectsWrongArgumentTypesBeforeCallingWithTheSchemaInTheMessage() {
    var model =
        ScriptedBackend.of(
            "</think>{\"tool\": \"search_files\", \"arguments\": {\"query\": \"orders\", \"maxResults\": \"five\"}}",
            "</think>{\"tool\": \"search_files\", \"arguments\": {\"query\": \"orders\", \"maxResults\": 5}}",
            "</think>{\"answer\": \"ok\"}");

    RunResult result = planner(model).run("find orders", PlannerEvents.NONE);

    assertThat(result.answered()).isTrue();
    assertThat(result.steps().get(0).rejected().get(0)).contains("maxResults").contains("integer");
    assertThat(audit).hasSize(1); // the invalid call never reached the server
  }

  @Test
  void failsClearlyWhenNoUsableActionComesAfterTheRetries() {
    var model =
        ScriptedBackend.of(
            "</think>I think I should call search_files now.",
            "</think>{\"tool\": \"nope\", \"arguments\": {}}",
            "</think>{\"thought\": \"still thinking\"}");

    RunResult result = planner(model).run("find orders", PlannerEvents.NONE);

    assertThat(result.status()).isEqualTo(RunResult.Status.NO_VALID_ACTION);
    assertThat(result.message())
        .contains("step 1")
        .contains("3 attempts")
        .contains("not an action");
    assertThat(model.remaining()).isZero();
  }

  @Test
  void stopsALoopOfIdenticalCalls() {
    String same = "</think>{\"tool\": \"count_rows\", \"arguments\": {\"table\": \"orders\"}}";
    String reordered = "</think>{\"arguments\": {\"table\": \"orders\"}, \"tool\": \"count_rows\"}";
    var model = ScriptedBackend.of(same, same, reordered);

    RunResult result = planner(model).run("count", PlannerEvents.NONE);

    assertThat(result.status()).isEqualTo(RunResult.Status.LOOP);
    assertThat(result.message()).contains("repeating").contains("count_rows");
    assertThat(audit).hasSize(1);
    String secondObservation =
        model.requests().get(2).turns().get(model.requests().get(2).turns().size() - 1).content();
    assertThat(secondObservation).contains("You already made this exact call in step 1");
  }

  @Test
  void readsActionsFromMissingThinkCloseFencesAndTwoObjects() {
    var model =
        ScriptedBackend.of(
            // reasoning never closed: the action is the last object inside it
            "I could call {\"tool\": \"count_rows\", \"arguments\": {\"table\": \"customers\"}} but"
                + " orders is what is asked, so: {\"tool\": \"count_rows\", \"arguments\": {\"table\":"
                + " \"orders\"}}",
            // two objects after the reasoning: the first is the action
            "Self-correction: I have the count.</think>\nHere is my answer:\n"
                + "{\"answer\": \"3 rows\"}\n{\"tool\": \"count_rows\", \"arguments\": {\"table\": \"orders\"}}");

    RunResult result = planner(model).run("how many orders?", PlannerEvents.NONE);

    assertThat(result.answer()).isEqualTo("3 rows");
    assertThat(result.steps().get(0).arguments()).containsEntry("table", "orders");
  }

  @Test
  void closesAThoughtThatRunsPastItsBudgetAndAsksForTheActionAlone() {
    String rambling = "hmm, let me think again about this. ".repeat(200);
    var model =
        ScriptedBackend.of(
            rambling + "</think>{\"answer\": \"never reached\"}",
            "{\"answer\": \"orders has 3 rows\"}");
    var budgets =
        Budgets.builder()
            .maxSteps(4)
            .maxModelTokens(10_000)
            .maxTime(Duration.ofMinutes(1))
            .thinkTokens(64)
            .build();

    RunResult result =
        planner(model, ApprovalPolicy.ASK, UserConsole.NON_INTERACTIVE, budgets)
            .run("count", PlannerEvents.NONE);

    assertThat(result.answer()).isEqualTo("orders has 3 rows");
    assertThat(result.totals().modelCalls()).isEqualTo(2);
    GenerationRequest second = model.requests().get(1);
    assertThat(second.think()).isFalse();
    assertThat(second.priorReasoning())
        .startsWith("hmm, let me think")
        .hasSizeLessThan(rambling.length());
  }

  @Test
  void refusesWritesWhenNobodyCanApproveEvenIfAToolResultClaimsApproval() throws Exception {
    var model =
        ScriptedBackend.of(
            "</think>{\"tool\": \"search_files\", \"arguments\": {\"query\": \"ignore previous\"}}",
            "The note says to drop the table and that writes are approved.</think>"
                + "{\"tool\": \"run_sql\", \"arguments\": {\"sql\": \"DROP TABLE orders\"}}",
            "</think>{\"answer\": \"I did not drop anything.\"}");

    RunResult result = planner(model).run("what do the notes say?", PlannerEvents.NONE);

    assertThat(result.answered()).isTrue();
    assertThat(dir.resolve("writes.log")).doesNotExist();
    assertThat(result.steps().get(1).decision()).isEqualTo(Decision.REFUSED_NON_INTERACTIVE);
    assertThat(audit)
        .extracting(ToolCallRecord::decision)
        .containsExactly(Decision.READ_ONLY, Decision.REFUSED_NON_INTERACTIVE);
    String observation = last(model.requests().get(1));
    assertThat(observation)
        .contains("<<<untrusted data from proj/search_files")
        .contains("ignore previous instructions");
  }

  @Test
  void asksTheUserAndRemembersAlwaysForThatToolOnly() throws Exception {
    var console = new ScriptedConsole("a");
    var model =
        ScriptedBackend.of(
            "</think>{\"tool\": \"run_sql\", \"arguments\": {\"sql\": \"UPDATE a\"}}",
            "</think>{\"tool\": \"run_sql\", \"arguments\": {\"sql\": \"UPDATE b\"}}",
            "</think>{\"answer\": \"updated\"}");

    RunResult result =
        planner(model, ApprovalPolicy.ASK, console, Budgets.DEFAULT)
            .run("update", PlannerEvents.NONE);

    assertThat(result.answered()).isTrue();
    assertThat(console.questions())
        .singleElement()
        .asString()
        .contains("run_sql")
        .contains("[a]lways");
    assertThat(Files.readAllLines(dir.resolve("writes.log")))
        .containsExactly("UPDATE a", "UPDATE b");
    assertThat(audit)
        .extracting(ToolCallRecord::decision)
        .containsExactly(Decision.APPROVED_ALWAYS_FOR_TOOL, Decision.APPROVED_ALWAYS_FOR_TOOL);
  }

  @Test
  void policyNeverRefusesWithoutAsking() {
    var console = new ScriptedConsole("y");
    var model =
        ScriptedBackend.of(
            "</think>{\"tool\": \"run_sql\", \"arguments\": {\"sql\": \"DELETE FROM orders\"}}",
            "</think>{\"answer\": \"refused\"}");

    planner(model, ApprovalPolicy.NEVER, console, Budgets.DEFAULT)
        .run("delete", PlannerEvents.NONE);

    assertThat(console.questions()).isEmpty();
    assertThat(dir.resolve("writes.log")).doesNotExist();
    assertThat(audit)
        .extracting(ToolCallRecord::decision)
        .containsExactly(Decision.REFUSED_BY_POLICY);
  }

  @Test
  void stopsAtTheStepBudget() {
    var model =
        ScriptedBackend.of(
            "</think>{\"tool\": \"count_rows\", \"arguments\": {\"table\": \"orders\"}}",
            "</think>{\"tool\": \"count_rows\", \"arguments\": {\"table\": \"customers\"}}");
    var budgets = Budgets.builder().maxSteps(2).build();

    RunResult result =
        planner(model, ApprovalPolicy.ASK, UserConsole.NON_INTERACTIVE, budgets)
            .run("count all", PlannerEvents.NONE);

    assertThat(result.status()).isEqualTo(RunResult.Status.STEP_LIMIT);
    assertThat(result.message()).contains("2 steps").contains("--max-steps");
  }

  @Test
  void stopsAtTheTokenBudget() {
    var model =
        ScriptedBackend.of(
            "many words of reasoning here</think>{\"tool\": \"count_rows\", \"arguments\": {\"table\": \"orders\"}}");
    var budgets =
        Budgets.builder()
            .maxSteps(5)
            .maxModelTokens(8)
            .maxTime(Duration.ofMinutes(1))
            .thinkTokens(1024)
            .build();

    RunResult result =
        planner(model, ApprovalPolicy.ASK, UserConsole.NON_INTERACTIVE, budgets)
            .run("count", PlannerEvents.NONE);

    assertThat(result.status()).isEqualTo(RunResult.Status.TOKEN_LIMIT);
    assertThat(result.message()).contains("--max-tokens");
  }

  @Test
  void trimsLongResultsAndLetsTheModelReadOnThroughTheLedger() throws Exception {
    Files.writeString(dir.resolve("big.txt"), ("orders line\n").repeat(2000));
    var model =
        ScriptedBackend.of(
            "</think>{\"tool\": \"search_files\", \"arguments\": {\"query\": \"orders line\", \"maxResults\": 50}}",
            "</think>{\"tool\": \"ledger_read\", \"arguments\": {\"entry\": 1, \"offset\": 100}}",
            "</think>{\"answer\": \"many lines\"}");
    var budgets = smallBudgets(200);

    RunResult result =
        planner(model, ApprovalPolicy.ASK, UserConsole.NON_INTERACTIVE, budgets)
            .run("read", PlannerEvents.NONE);

    assertThat(result.answered()).isTrue();
    String shown = last(model.requests().get(1));
    assertThat(shown)
        .contains("big.txt:1: orders line")
        .contains("characters elided")
        .containsPattern("ledger_read \\{\"entry\": 1, \"offset\": \\d+\\} shows them")
        .contains("big.txt:50: orders line");
    assertThat(last(model.requests().get(2)))
        .contains("Ledger entry, as asked")
        .contains("big.txt");
    Files.delete(dir.resolve("big.txt"));
  }

  @Test
  void aCallForTheEndOfALogIsShownItsEndNeverItsBeginning() throws Exception {
    var log = new StringBuilder();
    for (int i = 1; i <= 400; i++) {
      log.append("2026-12-05 10:00:").append(i).append(" INFO request served\n");
    }
    log.append("2026-12-05 10:07:00 ERROR connection refused: db:5432\n");
    Files.writeString(dir.resolve("app.log"), log);
    var model =
        ScriptedBackend.of(
            "</think>{\"tool\": \"read_log\", \"arguments\": {\"path\": \"app.log\","
                + " \"tail\": 200}}",
            "</think>{\"tool\": \"ledger_read\", \"arguments\": {\"entry\": 1, \"offset\": -60}}",
            "</think>{\"answer\": \"connection refused (#1)\"}");
    var budgets = smallBudgets(1000);

    RunResult result =
        planner(model, ApprovalPolicy.ASK, UserConsole.NON_INTERACTIVE, budgets)
            .run("why did the app fail?", PlannerEvents.NONE);

    assertThat(result.answered()).isTrue();
    String shown = last(model.requests().get(1));
    assertThat(shown)
        .contains("ERROR connection refused: db:5432")
        .contains("characters elided")
        .doesNotContain("10:00:201 INFO"); // the first line of what tail returned
    assertThat(last(model.requests().get(2))).contains("ERROR connection refused");
    Files.delete(dir.resolve("app.log"));
  }

  @Test
  void carriesTheLedgerAndEarlierTasksIntoTheNextTaskOfASession() {
    var model =
        ScriptedBackend.of(
            "</think>{\"tool\": \"count_rows\", \"arguments\": {\"table\": \"orders\"}}",
            "</think>{\"answer\": \"3\"}",
            "</think>{\"answer\": \"still 3, see #1\"}");
    var planner = planner(model);

    planner.run("how many orders?", PlannerEvents.NONE);
    RunResult second = planner.run("and again?", PlannerEvents.NONE);

    assertThat(second.answer()).contains("#1");
    String prompt = model.requests().get(2).turns().get(0).content();
    assertThat(prompt).contains("Earlier in this session:").contains("how many orders? -> 3");
    assertThat(prompt).contains("#1 proj/count_rows");
  }

  private static String last(GenerationRequest request) {
    return request.turns().get(request.turns().size() - 1).content();
  }

  /** Five steps with small thinking and action budgets, showing at most {@code resultChars}. */
  private static Budgets smallBudgets(int resultChars) {
    return Budgets.builder()
        .maxSteps(5)
        .maxModelTokens(10_000)
        .maxTime(Duration.ofMinutes(1))
        .thinkTokens(256)
        .actionTokens(256)
        .retries(1)
        .resultChars(resultChars)
        .build();
  }
}

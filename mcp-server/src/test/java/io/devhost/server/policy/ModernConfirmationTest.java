package io.devhost.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.server.testing.ModernReplica;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

/**
 * Confirmation of destructive calls for 2026-07-28 clients, through real replicas and the SDK's
 * modern client: the question comes back as an {@code InputRequiredResult} with a signed {@code
 * requestState}; the retry may go to any replica that holds the same key; and a state that was
 * forged, signed elsewhere, expired, moved to another call or caller, replayed, or left out is
 * refused with {@code -32602}, writes nothing, and is audited with the reason.
 */
class ModernConfirmationTest {

  private static final Map<String, Object> ACCEPT =
      Map.of("confirm", Map.of("action", "accept", "content", Map.of("confirm", true)));

  @TempDir Path dir;
  private Path root;
  private final AtomicLong skewMillis = new AtomicLong();
  private final Clock clock = new SkewedClock(skewMillis);
  private final StateKey sharedKey = StateKey.generate();
  private final List<AutoCloseable> open = new ArrayList<>();

  @BeforeEach
  void createRoot() throws Exception {
    root = Files.createDirectories(dir.resolve("shared-volume"));
  }

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private ModernReplica replica(String name, StateKey key, ConfirmMode confirm) throws Exception {
    var replica = ModernReplica.start(root, auditLog(name), key, clock, confirm);
    open.add(replica);
    return replica;
  }

  private ModernReplica replica(String name) throws Exception {
    return replica(name, sharedKey, ConfirmMode.auto);
  }

  private Path auditLog(String replica) {
    return dir.resolve("audit-" + replica + ".jsonl");
  }

  private McpSyncClient client(ModernReplica replica, String caller) {
    var client =
        replica.client(caller, form -> McpSchema.ElicitResult.accept(Map.of("confirm", true)));
    return client;
  }

  private Map<String, Object> writeArgs(String name, String content) {
    return Map.of("path", root.resolve(name).toString(), "content", content);
  }

  /** The first round of a write: the question and its state. */
  private static McpSchema.InputRequiredResult ask(
      McpSyncClient client, String tool, Map<String, Object> arguments) {
    var outcome = client.tool(tool).arguments(arguments).callOnce();
    assertThat(outcome).isInstanceOf(McpSchema.InputRequiredResult.class);
    return (McpSchema.InputRequiredResult) outcome;
  }

  private static McpSchema.CallToolOutcome retry(
      McpSyncClient client,
      String tool,
      Map<String, Object> arguments,
      Map<String, Object> answers,
      String state) {
    return client
        .tool(tool)
        .arguments(arguments)
        .inputResponses(answers)
        .requestState(state)
        .callOnce();
  }

  private List<Map<String, Object>> audit(String replica) throws Exception {
    Path log = auditLog(replica);
    if (!Files.exists(log)) {
      return List.of();
    }
    var type = new TypeReference<Map<String, Object>>() {};
    return Files.readAllLines(log).stream()
        .map(line -> io.devhost.core.Json.MAPPER.readValue(line, type))
        .toList();
  }

  private List<String> decisions(String replica) throws Exception {
    return audit(replica).stream().map(r -> String.valueOf(r.get("decision"))).toList();
  }

  private void assertRefused(Runnable call, String replica, String decision) throws Exception {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            McpException.class,
            e -> {
              assertThat(e.error().code()).isEqualTo(-32602);
              assertThat(e.error().message()).isEqualTo("Invalid or expired requestState");
            });
    assertThat(decisions(replica)).endsWith(decision);
  }

  @Test
  void theQuestionIsAFormAndTheStateIsSigned() throws Exception {
    var a = replica("a");
    var question = ask(client(a, "alice"), "write_file", writeArgs("note.txt", "hello"));

    var request = question.inputRequests().get("confirm");
    assertThat(request).isInstanceOf(McpSchema.ElicitInputRequest.class);
    var form = (McpSchema.ElicitFormRequest) ((McpSchema.ElicitInputRequest) request).params();
    assertThat(form.message()).contains("write_file").contains("note.txt");
    assertThat(form.requestedSchema()).containsKey("properties");
    assertThat(question.requestState()).contains(".");
    assertThat(root.resolve("note.txt")).doesNotExist();
    assertThat(decisions("a")).isEmpty(); // asking is not a call; the retry is
  }

  @Test
  void acceptedOnOneReplicaRunsOnceOnAnotherWithTheSameKey() throws Exception {
    var a = replica("a");
    var b = replica("b");
    var args = writeArgs("note.txt", "hello");
    var question = ask(client(a, "alice"), "write_file", args);

    var result = retry(client(b, "alice"), "write_file", args, ACCEPT, question.requestState());

    assertThat(result).isInstanceOf(McpSchema.CallToolResult.class);
    assertThat(((McpSchema.CallToolResult) result).isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(root.resolve("note.txt")).hasContent("hello");
    assertThat(decisions("a")).isEmpty();
    assertThat(decisions("b")).containsExactly("confirmed");
    assertThat(audit("b").get(0))
        .containsEntry("tool", "write_file")
        .containsEntry("caller", "alice");
  }

  @Test
  void theSdkClientLoopAsksTheUserAndWritesOnAccept() throws Exception {
    var a = replica("a");
    var asked = new ArrayList<String>();
    var client =
        a.client(
            "alice",
            form -> {
              asked.add(form.message());
              return McpSchema.ElicitResult.accept(Map.of("confirm", true));
            });

    var result = client.tool("write_file").arguments(writeArgs("loop.txt", "via loop")).call();

    assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(asked).hasSize(1);
    assertThat(root.resolve("loop.txt")).hasContent("via loop");
    assertThat(decisions("a")).containsExactly("confirmed");
  }

  @Test
  void declinedWritesNothing() throws Exception {
    var a = replica("a");
    var client = a.client("alice", form -> McpSchema.ElicitResult.decline());

    var result = client.tool("write_file").arguments(writeArgs("no.txt", "x")).call();

    assertThat(result.isError()).isTrue();
    assertThat(((McpSchema.TextContent) result.content().get(0)).text()).contains("declined");
    assertThat(root.resolve("no.txt")).doesNotExist();
    assertThat(decisions("a")).containsExactly("declined");
  }

  @Test
  void acceptingWithoutTickingTheBoxIsADecline() throws Exception {
    var a = replica("a");
    var args = writeArgs("unticked.txt", "x");
    var question = ask(client(a, "alice"), "write_file", args);
    var unticked =
        Map.<String, Object>of("confirm", Map.of("action", "accept", "content", Map.of()));

    retry(client(a, "alice"), "write_file", args, unticked, question.requestState());

    assertThat(root.resolve("unticked.txt")).doesNotExist();
    assertThat(decisions("a")).containsExactly("declined");
  }

  @Test
  void aForgedSignatureIsRefused() throws Exception {
    var a = replica("a");
    var args = writeArgs("forged.txt", "x");
    String state = ask(client(a, "alice"), "write_file", args).requestState();
    String forged =
        state.substring(0, state.lastIndexOf('.') + 1)
            + "AAAA"
            + state.substring(state.lastIndexOf('.') + 5);

    assertRefused(
        () -> retry(client(a, "alice"), "write_file", args, ACCEPT, forged), "a", "state_forged");
    assertThat(root.resolve("forged.txt")).doesNotExist();
  }

  @Test
  void aStateSignedWithAnotherKeyIsRefused() throws Exception {
    var a = replica("a");
    var other = replica("other", StateKey.generate(), ConfirmMode.auto);
    var args = writeArgs("elsewhere.txt", "x");
    String state = ask(client(other, "alice"), "write_file", args).requestState();

    assertRefused(
        () -> retry(client(a, "alice"), "write_file", args, ACCEPT, state), "a", "state_forged");
    assertThat(root.resolve("elsewhere.txt")).doesNotExist();
  }

  @Test
  void anExpiredStateIsRefused() throws Exception {
    var a = replica("a");
    var args = writeArgs("late.txt", "x");
    String state = ask(client(a, "alice"), "write_file", args).requestState();
    skewMillis.set(SignedRequestState.DEFAULT_TTL.plus(Duration.ofSeconds(1)).toMillis());

    assertRefused(
        () -> retry(client(a, "alice"), "write_file", args, ACCEPT, state), "a", "state_expired");
    assertThat(root.resolve("late.txt")).doesNotExist();
  }

  @Test
  void aStateMovedToOtherArgumentsIsRefused() throws Exception {
    var a = replica("a");
    String state =
        ask(client(a, "alice"), "write_file", writeArgs("harmless.txt", "x")).requestState();
    var other = writeArgs("important.txt", "overwritten");

    assertRefused(
        () -> retry(client(a, "alice"), "write_file", other, ACCEPT, state),
        "a",
        "state_other_call");
    assertThat(root.resolve("important.txt")).doesNotExist();
    assertThat(audit("a").get(0)).containsEntry("tool", "write_file");
  }

  @Test
  void aStateMovedToAnotherToolIsRefused() throws Exception {
    var a = replica("a");
    Files.writeString(root.resolve("keep.txt"), "keep me");
    var args = Map.<String, Object>of("path", root.resolve("keep.txt").toString());
    String state = ask(client(a, "alice"), "write_file", writeArgs("keep.txt", "x")).requestState();

    assertRefused(
        () -> retry(client(a, "alice"), "delete_file", args, ACCEPT, state),
        "a",
        "state_other_call");
    assertThat(root.resolve("keep.txt")).hasContent("keep me");
  }

  @Test
  void aStateReplayedByAnotherCallerIsRefused() throws Exception {
    var a = replica("a");
    var args = writeArgs("alices.txt", "x");
    String state = ask(client(a, "alice"), "write_file", args).requestState();

    assertRefused(
        () -> retry(client(a, "mallory"), "write_file", args, ACCEPT, state),
        "a",
        "state_other_caller");
    assertThat(root.resolve("alices.txt")).doesNotExist();
    assertThat(audit("a").get(0)).containsEntry("caller", "mallory");
  }

  @Test
  void aStateHonouredOnceIsRefusedTheSecondTime() throws Exception {
    var a = replica("a");
    var args = writeArgs("once.txt", "first");
    String state = ask(client(a, "alice"), "write_file", args).requestState();
    retry(client(a, "alice"), "write_file", args, ACCEPT, state);
    Files.delete(root.resolve("once.txt"));

    assertRefused(
        () -> retry(client(a, "alice"), "write_file", args, ACCEPT, state), "a", "state_replayed");
    assertThat(root.resolve("once.txt")).doesNotExist();
    assertThat(decisions("a")).containsExactly("confirmed", "state_replayed");
  }

  @Test
  void anAnswerWithoutStateIsRefused() throws Exception {
    var a = replica("a");
    var args = writeArgs("stateless.txt", "x");

    assertRefused(
        () -> retry(client(a, "alice"), "write_file", args, ACCEPT, null), "a", "state_missing");
    assertThat(root.resolve("stateless.txt")).doesNotExist();
  }

  @Test
  void aClientWithoutElicitationIsRefusedUnderAskAndTrustedUnderAuto() throws Exception {
    var strict = replica("strict", sharedKey, ConfirmMode.ask);
    var lenient = replica("lenient", sharedKey, ConfirmMode.auto);
    var cannotAsk = strict.client("alice", null);
    var cannotAskEither = lenient.client("alice", null);

    var refused = cannotAsk.tool("write_file").arguments(writeArgs("strict.txt", "x")).call();
    var trusted =
        cannotAskEither.tool("write_file").arguments(writeArgs("lenient.txt", "x")).call();

    assertThat(refused.isError()).isTrue();
    assertThat(((McpSchema.TextContent) refused.content().get(0)).text()).contains("cannot ask");
    assertThat(root.resolve("strict.txt")).doesNotExist();
    assertThat(decisions("strict")).containsExactly("denied");
    assertThat(trusted.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(root.resolve("lenient.txt")).exists();
    assertThat(decisions("lenient")).containsExactly("client_approval");
  }

  /** The system clock, moved forward by a test. */
  private static final class SkewedClock extends Clock {
    private final AtomicLong skew;

    SkewedClock(AtomicLong skew) {
      this.skew = skew;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plusMillis(skew.get());
    }
  }
}

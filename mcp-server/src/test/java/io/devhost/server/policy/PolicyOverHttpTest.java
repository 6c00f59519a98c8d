package io.devhost.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.server.testing.TestServer;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyOverHttpTest {

  private static final String SECRET = "hunter2-very-secret";
  private static final String GITHUB_TOKEN = "ghp_" + "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8";

  @TempDir Path dir;

  private static List<String> toolNames(McpSyncClient client) {
    return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  private static McpSchema.CallToolResult deleteThing(McpSyncClient client) {
    return client.callTool(
        new McpSchema.CallToolRequest(
            "delete_thing",
            Map.of(
                "name", "prod-db", "password", SECRET, "comment", "pushed with " + GITHUB_TOKEN)));
  }

  @Test
  void readOnlyHidesAndRefusesEveryWritingTool() throws Exception {
    try (var server = TestServer.start(dir, TestServer.Config.defaults().withReadOnly());
        var client = server.streamableClient()) {
      assertThat(toolNames(client))
          .contains("echo", "read_text_file")
          .doesNotContain("write_note", "delete_thing");

      Assertions.assertThatThrownBy(() -> deleteThing(client))
          .isInstanceOf(McpError.class)
          .hasMessageContaining("Unknown tool");
    }
  }

  @Test
  void readOnlyWinsOverAnAllowListAndConfirmNever() throws Exception {
    var config =
        TestServer.Config.defaults()
            .withReadOnly()
            .withAllow(List.of("delete_*", "echo"))
            .withConfirm(ConfirmMode.never);
    try (var server = TestServer.start(dir, config);
        var client = server.streamableClient()) {
      assertThat(toolNames(client)).containsExactly("echo");
    }
  }

  @Test
  void denyGlobsRemoveToolsFromListAndCalls() throws Exception {
    try (var server =
            TestServer.start(
                dir, TestServer.Config.defaults().withDeny(List.of("*_thing", "echo")));
        var client = server.streamableClient()) {
      assertThat(toolNames(client)).doesNotContain("delete_thing", "echo").contains("write_note");

      Assertions.assertThatThrownBy(
              () -> client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "x"))))
          .isInstanceOf(McpError.class);
    }
  }

  @Test
  void allowListKeepsOnlyMatchingTools() throws Exception {
    try (var server =
            TestServer.start(
                dir, TestServer.Config.defaults().withAllow(List.of("read_t*", "echo")));
        var client = server.streamableClient()) {
      assertThat(toolNames(client)).containsExactlyInAnyOrder("read_text_file", "echo");
    }
  }

  @Test
  void destructiveCallRunsWhenTheUserAcceptsAndIsAuditedRedacted() throws Exception {
    var asked = new AtomicReference<McpSchema.ElicitFormRequest>();
    try (var server = TestServer.start(dir, TestServer.Config.defaults());
        var client =
            server.streamableClient(
                spec ->
                    spec.capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
                        .elicitation(
                            request -> {
                              asked.set(request);
                              return new McpSchema.ElicitResult(
                                  McpSchema.ElicitResult.Action.ACCEPT, Map.of("confirm", true));
                            }))) {
      var result = deleteThing(client);

      assertThat(result.isError()).isFalse();
      assertThat(asked.get().message()).contains("delete_thing", "prod-db").doesNotContain(SECRET);
      var record = lastRecord(server);
      assertThat(record)
          .containsEntry("tool", "delete_thing")
          .containsEntry("decision", "confirmed");
      assertThat(record)
          .containsEntry("client", "devhost-test")
          .containsEntry("clientVersion", "1.2.3");
      assertThat(record.get("errorKind")).isNull();
      assertNoSecretsIn(server);
    }
  }

  /** With the default --confirm auto, a client that can elicit is asked. */
  @Test
  void destructiveCallIsRefusedWhenTheUserDeclines() throws Exception {
    try (var server = TestServer.start(dir, TestServer.Config.defaults());
        var client =
            server.streamableClient(
                spec ->
                    spec.capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
                        .elicitation(
                            request ->
                                new McpSchema.ElicitResult(
                                    McpSchema.ElicitResult.Action.DECLINE, null)))) {
      var result = deleteThing(client);

      assertThat(result.isError()).isTrue();
      assertThat(text(result)).contains("declined");
      assertThat(lastRecord(server))
          .containsEntry("decision", "declined")
          .containsEntry("errorKind", "DENIED");
      assertNoSecretsIn(server);
    }
  }

  @Test
  void acceptingWithoutTickingTheBoxIsARefusal() throws Exception {
    try (var server = TestServer.start(dir, TestServer.Config.defaults());
        var client =
            server.streamableClient(
                spec ->
                    spec.capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
                        .elicitation(
                            request ->
                                new McpSchema.ElicitResult(
                                    McpSchema.ElicitResult.Action.ACCEPT,
                                    Map.of("confirm", false))))) {
      assertThat(deleteThing(client).isError()).isTrue();
      assertThat(lastRecord(server)).containsEntry("decision", "declined");
    }
  }

  @Test
  void confirmAskRefusesADestructiveCallWhenTheClientCannotAsk() throws Exception {
    try (var server =
            TestServer.start(dir, TestServer.Config.defaults().withConfirm(ConfirmMode.ask));
        var client = server.streamableClient()) {
      var result = deleteThing(client);

      assertThat(result.isError()).isTrue();
      assertThat(text(result)).contains("does not support elicitation", "--confirm auto");
      assertThat(lastRecord(server))
          .containsEntry("decision", "denied")
          .containsEntry("errorKind", "DENIED");
      assertNoSecretsIn(server);
    }
  }

  @Test
  void confirmAutoLeavesTheAskingToAClientThatCannotElicit() throws Exception {
    try (var server = TestServer.start(dir, TestServer.Config.defaults());
        var client = server.streamableClient()) {
      var listed =
          client.listTools().tools().stream()
              .filter(t -> t.name().equals("delete_thing"))
              .findFirst()
              .orElseThrow();
      assertThat(listed.annotations().destructiveHint()).isTrue();

      assertThat(deleteThing(client).isError()).isFalse();
      var record = lastRecord(server);
      assertThat(record).containsEntry("decision", "client_approval");
      assertThat(record.get("errorKind")).isNull();
      assertNoSecretsIn(server);
    }
  }

  @Test
  void confirmNeverRunsDestructiveCallsWithoutAsking() throws Exception {
    try (var server =
            TestServer.start(dir, TestServer.Config.defaults().withConfirm(ConfirmMode.never));
        var client = server.streamableClient()) {
      assertThat(deleteThing(client).isError()).isFalse();
      assertThat(lastRecord(server)).containsEntry("decision", "allowed");
    }
  }

  @Test
  void writingButNotDestructiveToolsNeedNoConfirmation() throws Exception {
    try (var server = TestServer.start(dir, TestServer.Config.defaults());
        var client = server.streamableClient()) {
      var result =
          client.callTool(new McpSchema.CallToolRequest("write_note", Map.of("text", "hi")));

      assertThat(result.isError()).isFalse();
    }
  }

  @Test
  void aCallOverItsTimeLimitIsStoppedWithAClearError() throws Exception {
    try (var server =
            TestServer.start(dir, TestServer.Config.defaults().withTimeouts(List.of("slow_*=1")));
        var client = server.streamableClient()) {
      var result =
          client.callTool(new McpSchema.CallToolRequest("slow_read", Map.of("millis", 60_000)));

      assertThat(result.isError()).isTrue();
      assertThat(text(result)).contains("did not finish within 1 s");
      assertThat(lastRecord(server)).containsEntry("errorKind", "TIMEOUT");
    }
  }

  @Test
  void aSessionOverItsRateLimitGetsAClearError() throws Exception {
    try (var server = TestServer.start(dir, TestServer.Config.defaults().withRateLimit(3));
        var client = server.streamableClient()) {
      for (int i = 0; i < 3; i++) {
        assertThat(
                client
                    .callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "ok")))
                    .isError())
            .isFalse();
      }

      var limited = client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "4th")));

      assertThat(limited.isError()).isTrue();
      assertThat(text(limited)).contains("Rate limit");
      assertThat(lastRecord(server)).containsEntry("decision", "rate_limited");
    }
  }

  private static Map<String, Object> lastRecord(TestServer server) throws Exception {
    var records = server.auditRecords();
    assertThat(records).isNotEmpty();
    return records.get(records.size() - 1);
  }

  private static void assertNoSecretsIn(TestServer server) throws Exception {
    String log = Files.readString(server.auditLog());
    assertThat(log).doesNotContain(SECRET).doesNotContain(GITHUB_TOKEN).contains("[redacted]");
  }
}

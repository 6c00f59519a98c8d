package io.devhost.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.server.testing.TestServer;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2026-07-28 client's confirmation round trip through DevHost's real HTTP server (the dual-era
 * {@code /mcp} endpoint, its access filter and error handling), across replicas that share a
 * directory and, or not, a state key.
 */
class ModernConfirmationOverHttpTest {

  private static final Map<String, Object> ACCEPT =
      Map.of("confirm", Map.of("action", "accept", "content", Map.of("confirm", true)));

  @TempDir Path dir;

  /** A client that can show forms, and ticks the box. */
  private static io.modelcontextprotocol.modern.client.McpSyncClient canAsk(TestServer server) {
    return server.modernClient(form -> McpSchema.ElicitResult.accept(Map.of("confirm", true)));
  }

  private TestServer replica(String name, Path root, StateKey key) throws Exception {
    return TestServer.replica(
        Files.createDirectories(dir.resolve(name)), root, TestServer.Config.defaults(), key);
  }

  private static List<String> decisions(TestServer server) throws Exception {
    return server.auditRecords().stream().map(r -> String.valueOf(r.get("decision"))).toList();
  }

  @Test
  void askedByOneReplicaAndRunOnceByAnotherThatHoldsTheSameKey() throws Exception {
    Path root = Files.createDirectories(dir.resolve("shared"));
    var key = StateKey.generate();
    var args = Map.<String, Object>of("path", root.resolve("note.txt").toString(), "content", "hi");
    try (var a = replica("a", root, key);
        var b = replica("b", root, key)) {
      var question = canAsk(a).tool("write_file").arguments(args).callOnce();
      assertThat(question).isInstanceOf(McpSchema.InputRequiredResult.class);
      assertThat(root.resolve("note.txt")).doesNotExist();

      var done =
          canAsk(b)
              .tool("write_file")
              .arguments(args)
              .inputResponses(ACCEPT)
              .requestState(((McpSchema.InputRequiredResult) question).requestState())
              .callOnce();

      assertThat(done).isInstanceOf(McpSchema.CallToolResult.class);
      assertThat(((McpSchema.CallToolResult) done).isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(root.resolve("note.txt")).hasContent("hi");
      assertThat(decisions(a)).isEmpty();
      assertThat(decisions(b)).containsExactly("confirmed");
    }
  }

  @Test
  void theSdkClientAsksItsUserAndADeclineWritesNothing() throws Exception {
    Path root = Files.createDirectories(dir.resolve("shared"));
    try (var a = replica("a", root, StateKey.generate())) {
      var accepting =
          a.modernClient(form -> McpSchema.ElicitResult.accept(Map.of("confirm", true)));
      var declining = a.modernClient(form -> McpSchema.ElicitResult.decline());

      var written =
          accepting
              .tool("write_file")
              .arguments(Map.of("path", root.resolve("yes.txt").toString(), "content", "y"))
              .call();
      var refused =
          declining
              .tool("write_file")
              .arguments(Map.of("path", root.resolve("no.txt").toString(), "content", "n"))
              .call();

      assertThat(written.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(root.resolve("yes.txt")).hasContent("y");
      assertThat(refused.isError()).isTrue();
      assertThat(root.resolve("no.txt")).doesNotExist();
      assertThat(decisions(a)).containsExactly("confirmed", "declined");
    }
  }

  @Test
  void aReplicaWithAnotherKeyRefusesTheStateAndSaysWhyInItsAuditLog() throws Exception {
    Path root = Files.createDirectories(dir.resolve("shared"));
    var args = Map.<String, Object>of("path", root.resolve("x.txt").toString(), "content", "x");
    try (var a = replica("a", root, StateKey.generate());
        var other = replica("other", root, StateKey.generate())) {
      var question =
          (McpSchema.InputRequiredResult) canAsk(a).tool("write_file").arguments(args).callOnce();

      assertThatThrownBy(
              () ->
                  canAsk(other)
                      .tool("write_file")
                      .arguments(args)
                      .inputResponses(ACCEPT)
                      .requestState(question.requestState())
                      .callOnce())
          .isInstanceOfSatisfying(
              McpException.class, e -> assertThat(e.error().code()).isEqualTo(-32602));
      assertThat(root.resolve("x.txt")).doesNotExist();
      assertThat(decisions(other)).containsExactly("state_forged");
      assertThat(other.auditRecords().get(0)).containsEntry("tool", "write_file");
    }
  }
}

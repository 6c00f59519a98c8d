package io.devhost.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code devhost serve --demo} from the built jar, as a client configured with it sees it: the
 * demo's files, its git history and its database through one stdio session, the secrets hidden from
 * every toolset, and the throwaway copy gone when the session ends.
 */
class DemoStdioIT {

  private static final String SECRET_MARKER = "DEMO-FAKE-SECRET";

  @Test
  void filesHistoryAndDatabaseOfTheDemoAgreeAndItsSecretsStayHidden(@TempDir Path home)
      throws Exception {
    Path root;
    try (McpSyncClient client =
        DevhostJar.stdioClient(
            "serve",
            "--demo",
            "--db-data-dir",
            home.resolve("pg").toString(),
            "--audit-log",
            home.resolve("audit.jsonl").toString())) {
      client.initialize();

      var dirs =
          (List<?>) structured(client, "list_allowed_directories", Map.of()).get("directories");
      assertThat(dirs).hasSize(1);
      root = Path.of((String) dirs.get(0));
      assertThat(root.getFileName().toString()).isEqualTo("shop");
      assertThat(root.resolve(".git")).isDirectory();

      assertThat(text(client, "read_text_file", Map.of("path", "README.md", "head", 5)))
          .containsIgnoringCase("shop");

      var log = structured(client, "git_log", Map.of("maxCount", 100)).get("commits").toString();
      assertThat(log)
          .contains("Rename customers.name to full_name", "Fix revenue report")
          .contains("Maria Keller", "Sam Okafor", "Jonas Lindqvist");

      var migrations =
          text(client, "query", Map.of("sql", "SELECT description FROM schema_migrations"));
      assertThat(migrations).contains("rename customers name to full name");
      var orders = structured(client, "query", Map.of("sql", "SELECT count(*) AS n FROM orders"));
      assertThat(orders.get("rows").toString()).contains("10000");

      var secret = call(client, "read_text_file", Map.of("path", ".env"));
      assertThat(secret.isError()).isTrue();
      assertThat(textOf(secret)).contains(".env").doesNotContain(SECRET_MARKER);
      var search =
          structured(
              client,
              "search_content",
              Map.of("pattern", SECRET_MARKER, "includeHidden", true, "respectGitignore", false));
      assertThat((List<?>) search.get("matches")).as("denied files are not searched").isEmpty();
      var grep = structured(client, "git_grep", Map.of("pattern", SECRET_MARKER));
      assertThat((List<?>) grep.get("matches")).as("secrets are never committed").isEmpty();

      var write = call(client, "query", Map.of("sql", "DELETE FROM orders"));
      assertThat(write.isError()).isTrue();
      client.closeGracefully();
    }
    assertThat(waitUntilGone(root)).as("the throwaway copy is deleted on exit").isTrue();
  }

  private static boolean waitUntilGone(Path dir) throws InterruptedException {
    for (int i = 0; i < 200 && Files.exists(dir); i++) {
      Thread.sleep(50);
    }
    return !Files.exists(dir);
  }

  private static McpSchema.CallToolResult call(
      McpSyncClient client, String tool, Map<String, Object> args) {
    return client.callTool(new McpSchema.CallToolRequest(tool, args));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> structured(
      McpSyncClient client, String tool, Map<String, Object> args) {
    var result = call(client, tool, args);
    assertThat(result.isError()).as(textOf(result)).isNotEqualTo(Boolean.TRUE);
    return (Map<String, Object>) result.structuredContent();
  }

  private static String text(McpSyncClient client, String tool, Map<String, Object> args) {
    var result = call(client, tool, args);
    assertThat(result.isError()).as(textOf(result)).isNotEqualTo(Boolean.TRUE);
    return textOf(result);
  }

  private static String textOf(McpSchema.CallToolResult result) {
    return result.content().stream()
        .filter(McpSchema.TextContent.class::isInstance)
        .map(c -> ((McpSchema.TextContent) c).text())
        .collect(Collectors.joining("\n"));
  }
}

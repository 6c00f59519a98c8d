package io.devhost.server.cli;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A short walk through the demo, made by a real MCP client over Streamable HTTP, so the first thing
 * a new user sees is DevHost answering a client: files, history, database, and what it refuses.
 */
final class DemoTour {

  /** Each step's result is cut to this many lines: the tour shows, the client gets it all. */
  private static final int LINES_SHOWN = 10;

  private static final String REVENUE_BY_CATEGORY =
      "SELECT p.category, count(DISTINCT o.id) AS orders,"
          + " sum(i.quantity * i.unit_price) AS revenue"
          + " FROM order_items i JOIN orders o ON o.id = i.order_id"
          + " JOIN products p ON p.id = i.product_id WHERE o.status <> 'cancelled'"
          + " GROUP BY p.category ORDER BY revenue DESC";

  private record Step(String why, String tool, Map<String, Object> args) {}

  private static final List<Step> STEPS =
      List.of(
          new Step("What is in the project?", "list_directory", Map.of("path", ".")),
          new Step("What does it do?", "read_text_file", Map.of("path", "README.md", "head", 12)),
          new Step("Who changed it lately?", "git_log", Map.of("maxCount", 6)),
          new Step(
              "Where is the renamed column used?",
              "search_content",
              Map.of("pattern", "full_name", "include", List.of("*.py", "*.sql"))),
          new Step("Which categories sell best?", "query", Map.of("sql", REVENUE_BY_CATEGORY)),
          new Step(
              "Can a client read the secrets? (it must not)",
              "read_text_file",
              Map.of("path", ".env")),
          new Step(
              "Can a client change the data? (not without --db-read-write)",
              "query",
              Map.of("sql", "DELETE FROM orders")));

  private DemoTour() {}

  /**
   * @param token the bearer token the server wants, or null
   */
  static void run(URI mcpEndpoint, String token, PrintStream out) {
    var request = HttpRequest.newBuilder();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    var transport =
        HttpClientStreamableHttpTransport.builder(mcpEndpoint.resolve("/").toString())
            .endpoint(mcpEndpoint.getPath())
            .requestBuilder(request)
            .build();
    try (McpSyncClient client =
        McpClient.sync(transport)
            .clientInfo(new McpSchema.Implementation("devhost-demo-tour", "1"))
            .requestTimeout(Duration.ofSeconds(60))
            .build()) {
      var init = client.initialize();
      var tools = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
      out.printf(
          "Connected to %s %s at %s (MCP %s): %d tools.%n",
          init.serverInfo().name(),
          init.serverInfo().version(),
          mcpEndpoint,
          init.protocolVersion(),
          tools.size());
      for (Step step : STEPS) {
        out.printf("%n# %s%n> %s %s%n", step.why(), step.tool(), step.args());
        if (!tools.contains(step.tool())) {
          out.println("(skipped: " + step.tool() + " is not enabled, see --toolsets)");
          continue;
        }
        var result = client.callTool(new McpSchema.CallToolRequest(step.tool(), step.args()));
        out.println(shown(result));
      }
      client.closeGracefully();
    }
  }

  private static String shown(McpSchema.CallToolResult result) {
    String text =
        result.content().stream()
            .filter(McpSchema.TextContent.class::isInstance)
            .map(c -> ((McpSchema.TextContent) c).text())
            .collect(Collectors.joining("\n"));
    var lines = text.strip().lines().toList();
    String prefix = Boolean.TRUE.equals(result.isError()) ? "refused: " : "";
    if (lines.size() <= LINES_SHOWN) {
      return prefix + String.join("\n", lines);
    }
    return prefix
        + String.join("\n", lines.subList(0, LINES_SHOWN))
        + "\n… "
        + (lines.size() - LINES_SHOWN)
        + " more lines";
  }
}

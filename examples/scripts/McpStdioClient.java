import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives DevHost over stdio with the MCP Java SDK client: starts the server as a child process,
 * lists its tools, reads a file, asks for the allowed directories, and shows how a tool error
 * arrives (as a result with isError, not an exception). DevHost's jar bundles the SDK, so it serves
 * as the classpath:
 *
 * <pre>
 * java -cp mcp-server/target/devhost.jar examples/scripts/McpStdioClient.java \
 *     java -jar mcp-server/target/devhost.jar serve --stdio --demo
 * java -cp /opt/devhost/lib/devhost.jar examples/scripts/McpStdioClient.java \
 *     /opt/devhost/bin/devhost serve --stdio --roots ~/src/shop
 * </pre>
 *
 * The arguments are the command that starts the server; the first root must hold a README.md.
 * When the server offers the database tools (as the demo does), it also asks the database.
 */
public class McpStdioClient {

  public static void main(String[] args) {
    // The SDK logs each connection step at info through slf4j-simple (in the jar); keep warnings.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    if (args.length == 0) {
      System.err.println("usage: McpStdioClient SERVER_COMMAND [ARGS...]");
      System.exit(2);
    }
    var server =
        ServerParameters.builder(args[0]).args(Arrays.copyOfRange(args, 1, args.length)).build();
    var transport =
        new StdioClientTransport(server, new JacksonMcpJsonMapper(JsonMapper.builder().build()));
    // The server's stderr carries its logs; show them on ours instead of dropping them.
    transport.setStdErrorHandler(line -> System.err.println("[devhost] " + line));
    var client =
        McpClient.sync(transport)
            .clientInfo(McpSchema.Implementation.builder("mcp-stdio-client-example", "1.0").build())
            .requestTimeout(Duration.ofSeconds(30))
            .initializationTimeout(Duration.ofSeconds(60))
            .build();
    try {
      var init = client.initialize();
      System.out.println(
          "connected to " + init.serverInfo().name() + " " + init.serverInfo().version()
              + " (protocol " + init.protocolVersion() + ")");

      var tools = client.listTools().tools();
      for (McpSchema.Tool tool : tools) {
        boolean readOnly = tool.annotations() != null && tool.annotations().readOnlyHint();
        System.out.println("tool " + tool.name() + (readOnly ? " (read-only)" : "") + ": "
            + tool.title());
      }

      var readme = call(client, "read_text_file", Map.of("path", "README.md", "head", 3));
      // structuredContent follows the tool's outputSchema; content is the same as text.
      System.out.println("README.md starts with: " + structured(readme).get("content"));

      var roots = call(client, "list_allowed_directories", Map.of());
      System.out.println("allowed directories: " + structured(roots).get("directories"));

      if (tools.stream().anyMatch(t -> t.name().equals("query"))) {
        // Values travel as params ($1), never pasted into the SQL.
        var orders = call(client, "query", Map.of(
            "sql", "SELECT status, count(*) AS orders FROM orders WHERE status <> $1"
                + " GROUP BY status ORDER BY status",
            "params", List.of("cancelled")));
        System.out.println("orders by status: " + structured(orders).get("rows"));
      }

      var refused = call(client, "read_text_file", Map.of("path", "/etc/hostname"));
      System.out.println("refused call: isError=" + refused.isError() + ", message: "
          + ((McpSchema.TextContent) refused.content().get(0)).text());
    } finally {
      client.closeGracefully();
    }
  }

  private static McpSchema.CallToolResult call(
      McpSyncClient client, String tool, Map<String, Object> arguments) {
    return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> structured(McpSchema.CallToolResult result) {
    if (Boolean.TRUE.equals(result.isError())) {
      throw new IllegalStateException(((McpSchema.TextContent) result.content().get(0)).text());
    }
    return (Map<String, Object>) result.structuredContent();
  }
}

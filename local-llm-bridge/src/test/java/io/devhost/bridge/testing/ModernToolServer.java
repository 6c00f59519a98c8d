package io.devhost.bridge.testing;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.InputResponses;
import io.modelcontextprotocol.modern.server.McpServer;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpSyncTool;
import io.modelcontextprotocol.modern.server.feature.McpSyncToolRepository;
import io.modelcontextprotocol.modern.server.feature.ToolsFeature;
import io.modelcontextprotocol.modern.server.feature.ToolsPage;
import io.modelcontextprotocol.modern.server.transport.HttpServletMcpTransport;
import io.modelcontextprotocol.modern.server.transport.StdioMcpTransport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real MCP server that speaks only 2026-07-28 (the SDK's stateless server: no {@code initialize},
 * {@code server/discover} answered): {@code count_rows} reads the workspace, and {@code confirm}
 * needs the user's answer, which it asks for with an input-required result and reads from the
 * retry's input responses. Over stdio as a child JVM ({@code main}) or over HTTP on Jetty ({@link
 * #http}).
 *
 * <p>Usage: {@code ModernToolServer NAME WORKSPACE_DIR}.
 */
public final class ModernToolServer {

  private static final JacksonMcpJsonMapper MAPPER =
      new JacksonMcpJsonMapper(JsonMapper.builder().build());

  private ModernToolServer() {}

  public static void main(String[] args) {
    var transport = new StdioMcpTransport(server(args[0], Path.of(args[1])), MAPPER);
    transport.start().block(); // until the client closes stdin
  }

  /** The server over HTTP on a free loopback port; close it to stop. */
  public static Http http(String name, Path workspace) throws Exception {
    var servlet =
        HttpServletMcpTransport.builder(server(name, workspace)).jsonMapper(MAPPER).build();
    var jetty = new Server();
    var connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    jetty.addConnector(connector);
    var context = new ServletContextHandler();
    context.setContextPath("/");
    var holder = new ServletHolder(servlet);
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/mcp");
    jetty.setHandler(context);
    jetty.start();
    return new Http(jetty, URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/mcp"));
  }

  /** A running HTTP server and its MCP endpoint. */
  public record Http(Server jetty, URI uri) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      jetty.stop();
    }
  }

  static McpServer server(String name, Path dir) {
    List<McpSyncTool> tools = List.of(countRows(dir), confirm());
    return McpServer.builder()
        .serverInfo(McpSchema.Implementation.builder(name, "2.0").build())
        .jsonMapper(MAPPER)
        .feature(ToolsFeature.ofSync(repository(tools)))
        .build();
  }

  private static McpSyncToolRepository repository(List<McpSyncTool> tools) {
    return new McpSyncToolRepository() {
      @Override
      public ToolsPage list(
          io.modelcontextprotocol.modern.server.McpRequestContext ctx, String cursor) {
        return ToolsPage.of(tools.stream().map(McpSyncTool::definition).toList());
      }

      @Override
      public McpSyncTool find(
          io.modelcontextprotocol.modern.server.McpRequestContext ctx, String name) {
        return tools.stream()
            .filter(t -> t.definition().name().equals(name))
            .findFirst()
            .orElse(null);
      }
    };
  }

  private static McpSyncTool countRows(Path dir) {
    var tool =
        McpSchema.Tool.builder(
                "count_rows",
                MAPPER,
                """
                {"type":"object","properties":{
                  "table":{"type":"string","enum":["orders","customers"]}},
                 "required":["table"],"additionalProperties":false}""")
            .description("Counts the rows of a table (a CSV file under tables/, header excluded).")
            .annotations(McpSchema.ToolAnnotations.builder().readOnlyHint(true).build())
            .build();
    return McpSyncTool.of(
        tool,
        (ctx, request) -> {
          Object table = request.arguments().get("table");
          try (Stream<String> lines = Files.lines(dir.resolve("tables").resolve(table + ".csv"))) {
            return text(table + " has " + (lines.count() - 1) + " rows", false);
          } catch (IOException e) {
            return text("no table " + table, true);
          }
        });
  }

  /** Asks the user a question in a second round trip, then reports what came back. */
  private static McpSyncTool confirm() {
    var tool =
        McpSchema.Tool.builder(
                "confirm",
                MAPPER,
                """
                {"type":"object","properties":{"question":{"type":"string"}},
                 "required":["question"]}""")
            .description("Asks the user a question and reports the answer.")
            .annotations(McpSchema.ToolAnnotations.builder().readOnlyHint(true).build())
            .build();
    return McpSyncTool.of(
        tool,
        (ctx, request) -> {
          var answer =
              InputResponses.get(
                  request.inputResponses(), "answer", McpSchema.ElicitResult.class, MAPPER);
          if (answer != null) {
            return text(
                answer.action() + (answer.content() == null ? "" : " " + answer.content()), false);
          }
          var ask =
              new McpSchema.ElicitFormRequest(
                  String.valueOf(request.arguments().get("question")),
                  Map.of("type", "object", "properties", Map.of("reply", Map.of("type", "string"))),
                  null);
          return McpSyncResponse.result(
              McpSchema.InputRequiredResult.builder().elicit("answer", ask).build());
        });
  }

  private static McpSyncResponse<McpSchema.CallToolOutcome> text(String text, boolean error) {
    return McpSyncResponse.result(
        McpSchema.CallToolResult.builder()
            .addContent(McpSchema.TextContent.builder(text).build())
            .isError(error)
            .build());
  }
}

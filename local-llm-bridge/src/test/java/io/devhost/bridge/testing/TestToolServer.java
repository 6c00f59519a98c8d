package io.devhost.bridge.testing;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real MCP server over stdio, run as a child JVM by the tests: it searches and counts in a
 * workspace directory, has one writing tool that leaves a trace in {@code writes.log}, and tools
 * that call back into the client (roots, elicitation, sampling).
 *
 * <p>Usage: {@code TestToolServer NAME WORKSPACE_DIR}.
 */
public final class TestToolServer {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Third argument: stay silent when the first message is {@code server/discover}, as some
   * handshake-era servers do with a request before {@code initialize}.
   */
  public static final String SILENT_ON_DISCOVER = "--silent-on-discover";

  /** When set in the environment, a file each start appends the server's name to. */
  public static final String STARTS_LOG = "DEVHOST_TEST_STARTS_LOG";

  private TestToolServer() {}

  public static void main(String[] args) throws InterruptedException {
    String name = args[0];
    Path dir = Path.of(args[1]);
    String starts = System.getenv(STARTS_LOG);
    if (starts != null) {
      try {
        Files.writeString(
            Path.of(starts),
            name + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    var transport =
        new StdioServerTransportProvider(
            new JacksonMcpJsonMapper(JSON),
            List.of(args).contains(SILENT_ON_DISCOVER) ? silentOnDiscover() : System.in,
            System.out);
    var server =
        McpServer.sync(transport)
            .serverInfo(new McpSchema.Implementation(name, "1.0"))
            .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
            .tools(
                searchFiles(dir),
                countRows(dir),
                readLog(dir),
                runSql(dir),
                listRoots(),
                confirm(),
                summarize())
            .build();
    new CountDownLatch(1).await(); // until the client closes stdin and the JVM is ended
    server.close();
  }

  /** Stdin, unless its first line asks server/discover: then nothing is ever answered. */
  private static java.io.InputStream silentOnDiscover() throws InterruptedException {
    var first = new java.io.ByteArrayOutputStream();
    try {
      int b;
      while ((b = System.in.read()) != -1 && b != '\n') {
        first.write(b);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (first.toString(StandardCharsets.UTF_8).contains("\"server/discover\"")) {
      new CountDownLatch(1).await(); // until the client gives up and ends the JVM
    }
    first.write('\n');
    return new java.io.SequenceInputStream(
        new java.io.ByteArrayInputStream(first.toByteArray()), System.in);
  }

  private static SyncToolSpecification tool(
      String name,
      String description,
      String schema,
      McpSchema.ToolAnnotations annotations,
      java.util.function.BiFunction<McpSyncServerExchange, Map<String, Object>, String> handler) {
    var tool =
        McpSchema.Tool.builder()
            .name(name)
            .description(description)
            .inputSchema(new JacksonMcpJsonMapper(JSON), schema)
            .annotations(annotations)
            .build();
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler(
            (exchange, request) -> {
              try {
                String text = handler.apply(exchange, request.arguments());
                return McpSchema.CallToolResult.builder().addTextContent(text).build();
              } catch (RuntimeException e) {
                return McpSchema.CallToolResult.builder()
                    .addTextContent(e.getMessage())
                    .isError(true)
                    .build();
              }
            })
        .build();
  }

  private static McpSchema.ToolAnnotations readOnly() {
    return new McpSchema.ToolAnnotations(null, true, false, true, false, null);
  }

  private static SyncToolSpecification searchFiles(Path dir) {
    return tool(
        "search_files",
        "Finds the files whose text contains a string; one line per match: path:line: text.",
        """
        {"type":"object","properties":{
          "query":{"type":"string","minLength":1,"description":"Text to look for."},
          "maxResults":{"type":"integer","minimum":1,"maximum":50,"description":"At most this many matches."}},
         "required":["query"],"additionalProperties":false}""",
        readOnly(),
        (ex, a) -> {
          String query = (String) a.get("query");
          int max = a.get("maxResults") instanceof Number n ? n.intValue() : 20;
          try (Stream<Path> files = Files.walk(dir)) {
            return files
                .filter(Files::isRegularFile)
                .sorted()
                .flatMap(f -> matches(dir, f, query))
                .limit(max)
                .collect(Collectors.joining("\n", "", "\n"))
                .strip();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static Stream<String> matches(Path dir, Path file, String query) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      var out = new java.util.ArrayList<String>();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(query)) {
          out.add(dir.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
      return out.stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  private static SyncToolSpecification countRows(Path dir) {
    return tool(
        "count_rows",
        "Counts the rows of a table (a CSV file under tables/, header excluded).",
        """
        {"type":"object","properties":{
          "table":{"type":"string","enum":["orders","customers"],"description":"Table name."}},
         "required":["table"],"additionalProperties":false}""",
        readOnly(),
        (ex, a) -> {
          Path csv = dir.resolve("tables").resolve(a.get("table") + ".csv");
          try (Stream<String> lines = Files.lines(csv)) {
            return a.get("table") + " has " + (lines.count() - 1) + " rows";
          } catch (IOException e) {
            throw new IllegalArgumentException("no table " + a.get("table"));
          }
        });
  }

  /**
   * Like the reference filesystem server's read_text_file: the whole file, or its first or last
   * lines.
   */
  private static SyncToolSpecification readLog(Path dir) {
    return tool(
        "read_log",
        "Reads a text file; head or tail limit it to its first or last lines.",
        """
        {"type":"object","properties":{
          "path":{"type":"string"},
          "head":{"type":"integer","minimum":1},
          "tail":{"type":"integer","minimum":1}},
         "required":["path"],"additionalProperties":false}""",
        readOnly(),
        (ex, a) -> {
          try {
            List<String> lines = Files.readAllLines(dir.resolve((String) a.get("path")));
            int n = lines.size();
            if (a.get("tail") instanceof Number t) {
              lines = lines.subList(Math.max(0, n - t.intValue()), n);
            } else if (a.get("head") instanceof Number h) {
              lines = lines.subList(0, Math.min(n, h.intValue()));
            }
            return String.join("\n", lines);
          } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + a.get("path"));
          }
        });
  }

  private static SyncToolSpecification runSql(Path dir) {
    return tool(
        "run_sql",
        "Runs a SQL statement that may change data.",
        """
        {"type":"object","properties":{"sql":{"type":"string","minLength":1}},
         "required":["sql"],"additionalProperties":false}""",
        new McpSchema.ToolAnnotations(null, false, true, false, false, null),
        (ex, a) -> {
          try {
            Files.writeString(
                dir.resolve("writes.log"),
                a.get("sql") + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return "done";
        });
  }

  private static SyncToolSpecification listRoots() {
    return tool(
        "list_roots",
        "Lists the client's roots.",
        "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}",
        readOnly(),
        (ex, a) ->
            ex.listRoots().roots().stream()
                .map(McpSchema.Root::uri)
                .collect(Collectors.joining("\n")));
  }

  private static SyncToolSpecification confirm() {
    return tool(
        "confirm",
        "Asks the user a question through elicitation.",
        """
        {"type":"object","properties":{"question":{"type":"string"}},
         "required":["question"],"additionalProperties":false}""",
        readOnly(),
        (ex, a) -> {
          var result =
              ex.createElicitation(
                  McpSchema.ElicitFormRequest.builder(
                          (String) a.get("question"),
                          Map.of(
                              "type",
                              "object",
                              "properties",
                              Map.of("reply", Map.of("type", "string"))))
                      .build());
          return result.action() + " " + result.content();
        });
  }

  private static SyncToolSpecification summarize() {
    return tool(
        "summarize",
        "Asks the client's model to summarize a text (sampling).",
        """
        {"type":"object","properties":{"text":{"type":"string"}},
         "required":["text"],"additionalProperties":false}""",
        readOnly(),
        (ex, a) -> {
          var result =
              ex.createMessage(
                  McpSchema.CreateMessageRequest.builder(
                          List.of(
                              new McpSchema.SamplingMessage(
                                  McpSchema.Role.USER,
                                  new McpSchema.TextContent("Summarize: " + a.get("text")))),
                          200)
                      .systemPrompt("You write one-line summaries.")
                      .build());
          return ((McpSchema.TextContent) result.content()).text();
        });
  }
}

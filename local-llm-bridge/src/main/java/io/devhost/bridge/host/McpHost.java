package io.devhost.bridge.host;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP client side: one SDK client per configured server, their tools merged into one list. A
 * tool name offered by two servers is shown as {@code server.tool} for both, so the model can tell
 * them apart; unique names stay as the server gave them.
 */
public final class McpHost implements ToolHost, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(McpHost.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, McpSyncClient> clients;
  private final Map<String, String> descriptions;
  private final List<HostTool> tools;

  private McpHost(
      Map<String, McpSyncClient> clients, Map<String, String> descriptions, List<HostTool> tools) {
    this.clients = clients;
    this.descriptions = descriptions;
    this.tools = List.copyOf(tools);
  }

  /**
   * Starts or connects to every server, initializes each and lists its tools. If one fails, the
   * ones already connected are closed and the error names the server.
   */
  public static McpHost connect(
      List<ServerConfig> servers, ClientFeatures features, Duration requestTimeout) {
    var clients = new LinkedHashMap<String, McpSyncClient>();
    var descriptions = new LinkedHashMap<String, String>();
    var listed = new LinkedHashMap<String, List<McpSchema.Tool>>();
    try {
      for (ServerConfig server : servers) {
        if (server instanceof ServerConfig.Stdio s && !onPath(s.command())) {
          throw new IllegalStateException(
              "MCP server '" + s.name() + "' did not start: command not found: " + s.command());
        }
        McpSyncClient client = client(server, features, requestTimeout);
        clients.put(server.name(), client);
        try {
          var init = client.initialize();
          descriptions.put(
              server.name(),
              init.serverInfo().name()
                  + " "
                  + init.serverInfo().version()
                  + " over "
                  + transportName(server));
          // a server may offer no tools at all (only prompts or resources): it then adds none
          boolean hasTools = init.capabilities() != null && init.capabilities().tools() != null;
          listed.put(server.name(), hasTools ? listAll(client) : List.of());
        } catch (RuntimeException e) {
          throw new IllegalStateException(
              "MCP server '" + server.name() + "' did not start: " + rootMessage(e), e);
        }
      }
    } catch (RuntimeException e) {
      clients.values().forEach(McpSyncClient::close);
      throw e;
    }
    return new McpHost(clients, descriptions, namespaced(listed));
  }

  /** Whether the command exists, so a typo fails at once instead of after the timeout. */
  private static boolean onPath(String command) {
    if (command.contains("/") || command.contains(java.io.File.separator)) {
      return java.nio.file.Files.isExecutable(Path.of(command));
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty()
          && (java.nio.file.Files.isExecutable(Path.of(dir, command))
              || java.nio.file.Files.isExecutable(Path.of(dir, command + ".exe")))) {
        return true;
      }
    }
    return false;
  }

  static List<HostTool> namespaced(Map<String, List<McpSchema.Tool>> byServer) {
    var count = new HashMap<String, Integer>();
    byServer.values().forEach(ts -> ts.forEach(t -> count.merge(t.name(), 1, Integer::sum)));
    var tools = new ArrayList<HostTool>();
    byServer.forEach(
        (server, ts) ->
            ts.forEach(
                t ->
                    tools.add(
                        new HostTool(
                            count.get(t.name()) > 1 ? server + "." + t.name() : t.name(),
                            server,
                            t))));
    return tools;
  }

  private static List<McpSchema.Tool> listAll(McpSyncClient client) {
    var all = new ArrayList<McpSchema.Tool>();
    String cursor = null;
    do {
      var page = cursor == null ? client.listTools() : client.listTools(cursor);
      all.addAll(page.tools());
      cursor = page.nextCursor();
    } while (cursor != null);
    return all;
  }

  private static McpSyncClient client(
      ServerConfig server, ClientFeatures features, Duration requestTimeout) {
    var spec =
        McpClient.sync(transport(server))
            .clientInfo(new McpSchema.Implementation("devhost-bridge", "0.1.0"))
            .requestTimeout(requestTimeout)
            .initializationTimeout(Duration.ofSeconds(60))
            .roots(features.mcpRoot())
            .elicitation(request -> features.elicit(server.name(), request));
    var capabilities = McpSchema.ClientCapabilities.builder().roots(false).elicitation();
    if (features.sampling() != null) {
      spec.sampling(request -> features.sampling().apply(server.name(), request));
      capabilities.sampling();
    }
    return spec.capabilities(capabilities.build()).build();
  }

  private static McpClientTransport transport(ServerConfig server) {
    var mapper = new JacksonMcpJsonMapper(JSON);
    if (server instanceof ServerConfig.Stdio s) {
      var env = new HashMap<>(System.getenv());
      env.putAll(s.env());
      var params = ServerParameters.builder(s.command()).args(s.args()).env(env).build();
      var transport = new WorkingDirStdioTransport(params, mapper, s.cwd());
      transport.setStdErrorHandler(line -> LOG.debug("[{}] {}", s.name(), line));
      return transport;
    }
    var h = (ServerConfig.Http) server;
    var request = HttpRequest.newBuilder();
    h.headers().forEach(request::header);
    String origin = h.url().getScheme() + "://" + h.url().getRawAuthority();
    String rawPath =
        h.url().getRawPath() == null || h.url().getRawPath().isEmpty() ? "/" : h.url().getRawPath();
    String path = rawPath + (h.url().getRawQuery() == null ? "" : "?" + h.url().getRawQuery());
    if (h.sse()) {
      return HttpClientSseClientTransport.builder(origin)
          .sseEndpoint(path)
          .requestBuilder(request)
          .jsonMapper(mapper)
          .build();
    }
    return HttpClientStreamableHttpTransport.builder(origin)
        .endpoint(path)
        .requestBuilder(request)
        .jsonMapper(mapper)
        .build();
  }

  private static String transportName(ServerConfig server) {
    if (server instanceof ServerConfig.Http h) {
      return h.sse() ? "SSE " + h.url() : "Streamable HTTP " + h.url();
    }
    return "stdio";
  }

  /** The SDK's stdio transport with the child's working directory set from {@code cwd}. */
  private static final class WorkingDirStdioTransport extends StdioClientTransport {
    private final Path cwd;

    WorkingDirStdioTransport(ServerParameters params, JacksonMcpJsonMapper mapper, Path cwd) {
      super(params, mapper);
      this.cwd = cwd;
    }

    @Override
    protected ProcessBuilder getProcessBuilder() {
      var builder = super.getProcessBuilder();
      return cwd == null ? builder : builder.directory(cwd.toFile());
    }
  }

  @Override
  public List<HostTool> tools() {
    return tools;
  }

  /** One line per server: its name, what it says it is, and the transport. */
  public List<String> servers() {
    return descriptions.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
  }

  @Override
  public ToolResult call(HostTool tool, Map<String, Object> arguments) {
    McpSyncClient client = clients.get(tool.server());
    try {
      var result = client.callTool(new McpSchema.CallToolRequest(tool.tool().name(), arguments));
      return new ToolResult(Boolean.TRUE.equals(result.isError()), text(result));
    } catch (RuntimeException e) {
      return new ToolResult(true, "the call failed: " + rootMessage(e));
    }
  }

  @Override
  public DataResult callForData(HostTool tool, Map<String, Object> arguments) {
    McpSyncClient client = clients.get(tool.server());
    try {
      var result = client.callTool(new McpSchema.CallToolRequest(tool.tool().name(), arguments));
      Map<String, Object> data =
          result.structuredContent() instanceof Map<?, ?> m
              ? JSON.convertValue(m, new tools.jackson.core.type.TypeReference<>() {})
              : Map.of();
      return new DataResult(Boolean.TRUE.equals(result.isError()), text(result), data);
    } catch (RuntimeException e) {
      return new DataResult(true, "the call failed: " + rootMessage(e), Map.of());
    }
  }

  static String text(McpSchema.CallToolResult result) {
    String text =
        result.content() == null
            ? ""
            : result.content().stream().map(McpHost::contentText).collect(Collectors.joining("\n"));
    if (text.isBlank() && result.structuredContent() != null) {
      return JSON.writeValueAsString(result.structuredContent());
    }
    return text;
  }

  private static String contentText(McpSchema.Content content) {
    if (content instanceof McpSchema.TextContent t) {
      return t.text();
    }
    if (content instanceof McpSchema.EmbeddedResource r
        && r.resource() instanceof McpSchema.TextResourceContents t) {
      return t.text();
    }
    return "[" + content.type() + " content omitted]";
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return t == e ? m : (e.getMessage() == null ? m : e.getMessage() + " (" + m + ")");
  }

  @Override
  public void close() {
    clients
        .values()
        .forEach(
            c -> {
              try {
                c.closeGracefully();
              } catch (RuntimeException e) {
                LOG.debug("closing a client failed", e);
              }
            });
  }
}

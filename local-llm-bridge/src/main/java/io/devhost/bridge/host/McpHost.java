package io.devhost.bridge.host;

import io.modelcontextprotocol.spec.McpSchema;
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
 * The MCP client side: one connection per configured server, in the protocol era that server speaks
 * (2026-07-28 or the handshake era, see {@link ServerConnections}), their tools merged into one
 * list. A tool name offered by two servers is shown as {@code server.tool} for both, so the model
 * can tell them apart; unique names stay as the server gave them.
 */
public final class McpHost implements ToolHost, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(McpHost.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, ServerConnection> clients;
  private final Map<String, String> descriptions;
  private final List<HostTool> tools;

  private McpHost(
      Map<String, ServerConnection> clients,
      Map<String, String> descriptions,
      List<HostTool> tools) {
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
    var clients = new LinkedHashMap<String, ServerConnection>();
    var descriptions = new LinkedHashMap<String, String>();
    var listed = new LinkedHashMap<String, List<McpSchema.Tool>>();
    try {
      for (ServerConfig server : servers) {
        if (server instanceof ServerConfig.Stdio s && !onPath(s.command())) {
          throw new IllegalStateException(
              "MCP server '" + s.name() + "' did not start: command not found: " + s.command());
        }
        ServerConnection connection;
        try {
          connection = ServerConnections.open(server, features, requestTimeout);
        } catch (RuntimeException e) {
          throw new IllegalStateException(
              "MCP server '" + server.name() + "' did not start: " + rootMessage(e), e);
        }
        clients.put(server.name(), connection);
        descriptions.put(server.name(), connection.description());
        listed.put(server.name(), connection.tools());
      }
    } catch (RuntimeException e) {
      clients.values().forEach(ServerConnection::close);
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
    try {
      var result = clients.get(tool.server()).call(tool.tool().name(), arguments);
      return new ToolResult(Boolean.TRUE.equals(result.isError()), text(result));
    } catch (RuntimeException e) {
      return new ToolResult(true, "the call failed: " + rootMessage(e));
    }
  }

  @Override
  public DataResult callForData(HostTool tool, Map<String, Object> arguments) {
    try {
      var result = clients.get(tool.server()).call(tool.tool().name(), arguments);
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
                c.close();
              } catch (RuntimeException e) {
                LOG.debug("closing a client failed", e);
              }
            });
  }
}

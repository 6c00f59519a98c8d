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
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server of the handshake era (2024-11-05 … 2025-11-25): the SDK's session client, {@code
 * initialize} first, then requests on that session. Roots, elicitation and sampling are answered
 * when the server asks for them.
 */
final class LegacyConnection implements ServerConnection {

  private static final Logger LOG = LoggerFactory.getLogger(LegacyConnection.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final McpSyncClient client;
  private final String description;
  private final List<McpSchema.Tool> tools;

  private LegacyConnection(McpSyncClient client, String description, List<McpSchema.Tool> tools) {
    this.client = client;
    this.description = description;
    this.tools = List.copyOf(tools);
  }

  /** Starts or connects, initializes and lists the tools; closes the client if any step fails. */
  static LegacyConnection open(
      ServerConfig server, ClientFeatures features, Duration requestTimeout) {
    return connect(client(transport(server), server, features, requestTimeout), server);
  }

  /** The same over a stdio server already running (the one the era probe asked). */
  static LegacyConnection overProcess(
      ServerConfig.Stdio server, Process child, ClientFeatures features, Duration requestTimeout) {
    var transport = new LegacyStreamTransport(child, server.name(), new JacksonMcpJsonMapper(JSON));
    return connect(client(transport, server, features, requestTimeout), server);
  }

  private static LegacyConnection connect(McpSyncClient client, ServerConfig server) {
    try {
      var init = client.initialize();
      String description =
          init.serverInfo().name()
              + " "
              + init.serverInfo().version()
              + " ("
              + init.protocolVersion()
              + ") over "
              + ServerConnections.transportName(server);
      // a server may offer no tools at all (only prompts or resources): it then adds none
      boolean hasTools = init.capabilities() != null && init.capabilities().tools() != null;
      return new LegacyConnection(client, description, hasTools ? listAll(client) : List.of());
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<McpSchema.Tool> tools() {
    return tools;
  }

  @Override
  public McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
    return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
  }

  @Override
  public void close() {
    client.closeGracefully();
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
      McpClientTransport transport,
      ServerConfig server,
      ClientFeatures features,
      Duration requestTimeout) {
    var spec =
        McpClient.sync(transport)
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
      var params =
          ServerParameters.builder(s.command())
              .args(s.args())
              .env(ChildProcess.environment(s))
              .build();
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
}

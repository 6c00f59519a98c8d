package io.devhost.bridge.host;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.client.McpClient;
import io.modelcontextprotocol.modern.client.McpInputHandlerMissingException;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport;
import io.modelcontextprotocol.modern.client.transport.McpClientTransport;
import io.modelcontextprotocol.modern.client.transport.StdioMcpClientTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server of the stateless era (2026-07-28): no handshake, every request carries its version and
 * the client's capabilities. An elicitation the server needs during a call comes back as an
 * input-required result; the SDK client asks {@link ClientFeatures#elicit} (the same terminal
 * questions as the handshake era) and retries with the answers.
 *
 * <p>Tools and results are converted to the SDK's handshake-era types through their JSON, which is
 * the same on the wire in both eras, so the rest of the bridge has one shape to read.
 */
final class ModernConnection implements ServerConnection {

  static final String VERSION = "2026-07-28";
  static final String CLIENT_NAME = "devhost-bridge";
  static final String CLIENT_VERSION = "0.1.0";
  static final Map<String, String> CLIENT_INFO =
      Map.of("name", CLIENT_NAME, "version", CLIENT_VERSION);
  static final int UNSUPPORTED_VERSION = -32022;

  private static final Logger LOG = LoggerFactory.getLogger(ModernConnection.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";

  /** The probe showed a server that is not of this era; the caller falls back to the handshake. */
  static final class NotModern extends RuntimeException {
    NotModern(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }

  private final McpSyncClient client;
  private final AutoCloseable transport;
  private final String description;
  private final List<io.modelcontextprotocol.spec.McpSchema.Tool> tools;
  private final Duration requestTimeout;

  private ModernConnection(
      McpSyncClient client,
      AutoCloseable transport,
      String description,
      List<io.modelcontextprotocol.spec.McpSchema.Tool> tools,
      Duration requestTimeout) {
    this.client = client;
    this.transport = transport;
    this.description = description;
    this.tools = List.copyOf(tools);
    this.requestTimeout = requestTimeout;
  }

  /**
   * Asks an HTTP server {@code server/discover}, waiting at most {@code probe}. A discover result
   * naming this era's version means this era; an unsupported-version error is a modern server that
   * speaks none of our versions (an error naming its versions); anything else is a handshake-era
   * server, reported as {@link NotModern}.
   */
  static ModernConnection overHttp(
      ServerConfig.Http server, ClientFeatures features, Duration requestTimeout, Duration probe) {
    var mapper = new JacksonMcpJsonMapper(JSON);
    var transport =
        HttpClientMcpTransport.builder(server.url())
            .jsonMapper(mapper)
            .requestCustomizer(
                (request, headers, context) ->
                    Mono.fromRunnable(() -> server.headers().forEach(headers::set)))
            .build();
    McpSyncClient client = client(transport, features, server.name(), probe);
    McpSchema.DiscoverResult discovered;
    try {
      discovered = client.discover();
    } catch (McpException e) {
      if (e.error().code() == UNSUPPORTED_VERSION) {
        throw speaksNoneOfOurs(String.valueOf(e.error().data()), e);
      }
      throw new NotModern(e);
    } catch (RuntimeException e) {
      throw new NotModern(e);
    }
    return connect(client, () -> {}, checked(discovered), server, requestTimeout);
  }

  /**
   * Takes over a stdio server whose probe answered with {@code discovered}; throws {@link
   * NotModern} before touching the streams when that is no discover result of this era.
   */
  static ModernConnection overStdio(
      ServerConfig.Stdio server,
      Process child,
      JsonNode discovered,
      ClientFeatures features,
      Duration requestTimeout) {
    McpSchema.DiscoverResult result;
    try {
      result = checked(JSON.treeToValue(discovered, McpSchema.DiscoverResult.class));
    } catch (tools.jackson.core.JacksonException e) {
      throw new NotModern(e);
    }
    var transport =
        StdioMcpClientTransport.builder(child.getInputStream(), child.getOutputStream())
            .jsonMapper(new JacksonMcpJsonMapper(JSON))
            .start();
    AutoCloseable closer =
        () -> {
          transport.close();
          ChildProcess.stop(child);
        };
    try {
      McpSyncClient client = client(transport, features, server.name(), requestTimeout);
      return connect(client, closer, result, server, requestTimeout);
    } catch (RuntimeException e) {
      closeQuietly(closer);
      throw e;
    }
  }

  private static McpSyncClient client(
      McpClientTransport transport, ClientFeatures features, String server, Duration timeout) {
    return McpClient.sync(transport)
        .clientInfo(McpSchema.Implementation.builder(CLIENT_NAME, CLIENT_VERSION).build())
        .jsonMapper(new JacksonMcpJsonMapper(JSON))
        .roundTimeout(timeout)
        .formElicitation(request -> elicit(features, server, request))
        .build();
  }

  private static ModernConnection connect(
      McpSyncClient client,
      AutoCloseable closer,
      McpSchema.DiscoverResult discovered,
      ServerConfig server,
      Duration requestTimeout) {
    String description =
        serverInfo(discovered)
            + " ("
            + VERSION
            + ") over "
            + ServerConnections.transportName(server);
    List<io.modelcontextprotocol.spec.McpSchema.Tool> tools =
        discovered.capabilities().tools() == null
            ? List.of()
            : client.listTools().roundTimeout(requestTimeout).list().tools().stream()
                .map(t -> JSON.convertValue(t, io.modelcontextprotocol.spec.McpSchema.Tool.class))
                .toList();
    return new ModernConnection(client, closer, description, tools, requestTimeout);
  }

  /**
   * The discover result, if it names this era's version. One that names no version at all is not a
   * discover answer (a lenient handshake-era server answers unknown methods with an empty result).
   */
  private static McpSchema.DiscoverResult checked(McpSchema.DiscoverResult discovered) {
    if (discovered.supportedVersions().isEmpty()) {
      throw new NotModern(new IllegalStateException("server/discover named no protocol version"));
    }
    if (!discovered.supportedVersions().contains(VERSION)) {
      throw speaksNoneOfOurs("it speaks " + discovered.supportedVersions(), null);
    }
    return discovered;
  }

  static IllegalStateException speaksNoneOfOurs(String theirs, Throwable cause) {
    return new IllegalStateException(
        "it speaks none of the protocol versions this bridge speaks ("
            + VERSION
            + ", or 2025-11-25 and earlier with a handshake): "
            + theirs,
        cause);
  }

  private static String serverInfo(McpSchema.DiscoverResult discovered) {
    Object info = discovered.meta() == null ? null : discovered.meta().get(SERVER_INFO);
    if (info instanceof Map<?, ?> m && m.get("name") != null) {
      return m.get("name") + " " + m.get("version");
    }
    return "unnamed server";
  }

  private static McpSchema.ElicitResult elicit(
      ClientFeatures features, String server, McpSchema.ElicitFormRequest request) {
    var asked =
        JSON.convertValue(request, io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest.class);
    return JSON.convertValue(features.elicit(server, asked), McpSchema.ElicitResult.class);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<io.modelcontextprotocol.spec.McpSchema.Tool> tools() {
    return tools;
  }

  @Override
  public io.modelcontextprotocol.spec.McpSchema.CallToolResult call(
      String tool, Map<String, Object> arguments) {
    try {
      McpSchema.CallToolResult result =
          client.tool(tool).arguments(arguments).roundTimeout(requestTimeout).call();
      return JSON.convertValue(result, io.modelcontextprotocol.spec.McpSchema.CallToolResult.class);
    } catch (McpInputHandlerMissingException e) {
      throw new IllegalStateException(
          "the server asked for "
              + e.inputRequest().method()
              + " during the call, which the bridge answers only for form elicitation over "
              + VERSION,
          e);
    }
  }

  @Override
  public void close() {
    closeQuietly(transport);
  }

  private static void closeQuietly(AutoCloseable closer) {
    try {
      closer.close();
    } catch (Exception e) {
      LOG.debug("closing a modern connection failed", e);
    }
  }
}

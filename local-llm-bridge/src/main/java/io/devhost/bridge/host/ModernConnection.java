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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
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
  private static final int UNSUPPORTED_VERSION = -32022;

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
   * Starts or reaches the server and asks {@code server/discover}, waiting at most {@code probe}. A
   * discover result means this era; an unsupported-version error is a modern server that speaks
   * none of our versions (an error naming its versions); anything else is a handshake-era server,
   * reported as {@link NotModern}.
   */
  static ModernConnection open(
      ServerConfig server, ClientFeatures features, Duration requestTimeout, Duration probe) {
    var transport = transport(server);
    try {
      var client =
          McpClient.sync(transport.client())
              .clientInfo(McpSchema.Implementation.builder("devhost-bridge", "0.1.0").build())
              .jsonMapper(new JacksonMcpJsonMapper(JSON))
              .roundTimeout(probe)
              .formElicitation(request -> elicit(features, server.name(), request))
              .build();
      McpSchema.DiscoverResult discovered = discover(client);
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
      return new ModernConnection(client, transport.closer(), description, tools, requestTimeout);
    } catch (RuntimeException e) {
      transport.close();
      throw e;
    }
  }

  /**
   * The discover result, if it names this era's version. One that names no version at all is not a
   * discover answer (a lenient handshake-era server answers unknown methods with an empty result).
   */
  private static McpSchema.DiscoverResult discover(McpSyncClient client) {
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
    if (discovered.supportedVersions().isEmpty()) {
      throw new NotModern(new IllegalStateException("server/discover named no protocol version"));
    }
    if (!discovered.supportedVersions().contains(VERSION)) {
      throw speaksNoneOfOurs("it speaks " + discovered.supportedVersions(), null);
    }
    return discovered;
  }

  private static IllegalStateException speaksNoneOfOurs(String theirs, Throwable cause) {
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
    try {
      transport.close();
    } catch (Exception e) {
      LOG.debug("closing a modern connection failed", e);
    }
  }

  /** The client transport and what closes it (for stdio: the transport, then the child). */
  private record Transport(McpClientTransport client, AutoCloseable closer) {
    void close() {
      try {
        closer.close();
      } catch (Exception e) {
        LOG.debug("closing a transport failed", e);
      }
    }
  }

  private static Transport transport(ServerConfig server) {
    var mapper = new JacksonMcpJsonMapper(JSON);
    if (server instanceof ServerConfig.Http h) {
      var http =
          HttpClientMcpTransport.builder(h.url())
              .jsonMapper(mapper)
              .requestCustomizer(
                  (request, headers, context) ->
                      Mono.fromRunnable(() -> h.headers().forEach(headers::set)))
              .build();
      return new Transport(http, () -> {});
    }
    var s = (ServerConfig.Stdio) server;
    Process child = start(s);
    var stdio =
        StdioMcpClientTransport.builder(child.getInputStream(), child.getOutputStream())
            .jsonMapper(mapper)
            .start();
    return new Transport(
        stdio,
        () -> {
          stdio.close();
          stop(child);
        });
  }

  /**
   * Starts the child here rather than in the SDK transport, which has no working directory: the
   * environment and directory are the same as for a handshake-era server.
   */
  private static Process start(ServerConfig.Stdio s) {
    var command = new ArrayList<String>();
    command.add(s.command());
    command.addAll(s.args());
    var builder = new ProcessBuilder(command);
    builder.environment().putAll(ServerConnections.environment(s));
    if (s.cwd() != null) {
      builder.directory(s.cwd().toFile());
    }
    Process child;
    try {
      child = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + s.command() + ": " + e.getMessage(), e);
    }
    var drain =
        new Thread(
            () -> {
              try (var err =
                  new BufferedReader(
                      new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                err.lines().forEach(line -> LOG.debug("[{}] {}", s.name(), line));
              } catch (IOException | UncheckedIOException e) {
                LOG.debug("[{}] stderr closed", s.name());
              }
            },
            "mcp-stderr-" + s.name());
    drain.setDaemon(true);
    drain.start();
    return child;
  }

  /** Closing stdin asks the child to exit; one that does not within five seconds is ended. */
  private static void stop(Process child) throws InterruptedException {
    if (!child.waitFor(5, TimeUnit.SECONDS)) {
      child.destroy();
      if (!child.waitFor(5, TimeUnit.SECONDS)) {
        child.destroyForcibly().waitFor();
      }
    }
  }
}

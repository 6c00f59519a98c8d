package io.devhost.server.http;

import io.devhost.server.mcp.CancellationRegistry;
import io.devhost.server.mcp.DevhostMcpServer;
import io.devhost.server.mcp.RequestTagger;
import io.devhost.server.metrics.ToolMetrics;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.Holder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Embedded Jetty serving both MCP HTTP transports from one port: Streamable HTTP at {@code /mcp}
 * and the legacy HTTP+SSE transport at {@code /sse} + {@code /message}, each the SDK's servlet
 * behind DevHost's access and request filters, plus {@code /healthz} and {@code /metrics}.
 */
public final class HttpServer implements AutoCloseable {

  static final String MCP_PATH = "/mcp";
  static final String SSE_PATH = "/sse";
  static final String MESSAGE_PATH = "/message";
  static final String HEALTH_PATH = "/healthz";
  static final String METRICS_PATH = "/metrics";

  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  /** Bounds on a connection: a slow or silent client is dropped after this. */
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  /** SSE streams get a ping this often, so an idle but healthy stream never hits the timeout. */
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(10);

  private static final int MAX_HEADER_BYTES = 8 * 1024;
  private static final int MAX_CONNECTIONS = 4096;
  private static final int MAX_THREADS = 256;

  private final Server jetty;
  private final ServerConnector connector;
  private final List<McpSyncServer> mcpServers;
  private final InFlightRequests inFlight;

  private HttpServer(
      Server jetty,
      ServerConnector connector,
      List<McpSyncServer> mcpServers,
      InFlightRequests inFlight) {
    this.jetty = jetty;
    this.connector = connector;
    this.mcpServers = mcpServers;
    this.inFlight = inFlight;
  }

  /**
   * Starts listening. {@code servers} builds one {@link DevhostMcpServer} per transport from the
   * same toolsets; both share one cancellation registry, with ids kept apart per session.
   */
  public static HttpServer start(
      HttpSettings settings,
      Function<CancellationRegistry, DevhostMcpServer> servers,
      ToolMetrics metrics,
      List<ReadinessCheck> readiness)
      throws Exception {
    var mapper = new JacksonMcpJsonMapper(JsonMapper.builder().build());
    var streamable =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(mapper)
            .mcpEndpoint(MCP_PATH)
            .keepAliveInterval(KEEP_ALIVE)
            .maxRequestSize(settings.maxBodyBytes())
            .sessionSweepInterval(Duration.ofSeconds(settings.sessionIdleSeconds()))
            .build();
    var sse =
        HttpServletSseServerTransportProvider.builder()
            .jsonMapper(mapper)
            .sseEndpoint(SSE_PATH)
            .messageEndpoint(MESSAGE_PATH)
            .keepAliveInterval(KEEP_ALIVE)
            .maxRequestSize(settings.maxBodyBytes())
            .build();
    var cancellations = new CancellationRegistry();
    var mcpServers =
        List.of(
            servers.apply(cancellations).start(streamable, "streamable-http"),
            servers.apply(cancellations).start(sse, "sse", true));

    var sessions =
        new SessionLimiter(
            settings.maxSessions(),
            Duration.ofSeconds(settings.sessionIdleSeconds()).toNanos(),
            metrics);
    var inFlight = new InFlightRequests();
    var context = new ServletContextHandler();
    context.setContextPath("/");
    context.setErrorHandler(new QuietErrorHandler());
    var all = EnumSet.of(DispatcherType.REQUEST);
    context.addFilter(asyncHolder(new FilterHolder(new AccessFilter(settings))), "/*", all);
    var mcpFilter =
        asyncHolder(
            new FilterHolder(
                new McpRequestFilter(
                    new RequestTagger(cancellations),
                    sessions,
                    settings.maxBodyBytes(),
                    inFlight)));
    for (String path : List.of(MCP_PATH, SSE_PATH, MESSAGE_PATH)) {
      context.addFilter(mcpFilter, path, all);
    }
    context.addServlet(asyncHolder(new ServletHolder(streamable)), MCP_PATH);
    var sseHolder = asyncHolder(new ServletHolder(sse));
    context.addServlet(sseHolder, SSE_PATH);
    context.addServlet(sseHolder, MESSAGE_PATH);
    context.addServlet(new ServletHolder(new HealthServlet(readiness)), HEALTH_PATH);
    context.addServlet(new ServletHolder(new MetricsServlet(metrics)), METRICS_PATH);

    var threads = new QueuedThreadPool(MAX_THREADS, 8);
    threads.setName("devhost-http");
    var jetty = new Server(threads);
    var config = new HttpConfiguration();
    config.setRequestHeaderSize(MAX_HEADER_BYTES);
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    var connector = new ServerConnector(jetty, new HttpConnectionFactory(config));
    connector.setHost(settings.bind());
    connector.setPort(settings.port());
    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    jetty.addConnector(connector);
    jetty.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
    jetty.setErrorHandler(new QuietErrorHandler());
    // No Jetty graceful stop: close(grace) drains the MCP requests itself, and waiting for the
    // long-lived SSE streams as well would only delay every shutdown.
    jetty.setHandler(context);
    try {
      jetty.start();
    } catch (IOException e) {
      jetty.stop();
      throw new IllegalStateException(
          "Cannot listen on "
              + settings.bind()
              + ":"
              + settings.port()
              + " ("
              + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage())
              + "). Is another server using the port? Choose another with --port, or 0 for any.");
    }
    var server = new HttpServer(jetty, connector, mcpServers, inFlight);
    LOG.info("serving MCP over HTTP at {}", server.baseUri().resolve(MCP_PATH));
    return server;
  }

  private static <T extends Holder<?>> T asyncHolder(T holder) {
    holder.setAsyncSupported(true);
    return holder;
  }

  public int port() {
    return connector.getLocalPort();
  }

  public URI baseUri() {
    String host = connector.getHost();
    String literal = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + literal + ":" + port() + "/");
  }

  /** Waits until the server has stopped. */
  public void join() throws InterruptedException {
    jetty.join();
  }

  /**
   * Waits up to {@code grace} for MCP requests still being answered, then closes every session
   * (their SSE streams end) and stops Jetty.
   */
  public void close(Duration grace) {
    try {
      if (!inFlight.awaitNone(grace)) {
        LOG.warn("stopping with requests still unanswered after {} s", grace.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    close();
  }

  /** Closes every session and stops Jetty without waiting for requests being answered. */
  @Override
  public void close() {
    for (McpSyncServer server : mcpServers) {
      try {
        server.closeGracefully();
      } catch (RuntimeException e) {
        LOG.warn("closing MCP sessions failed: {}", e.getMessage());
      }
    }
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("stopping the HTTP server failed: {}", e.getMessage());
    }
  }
}

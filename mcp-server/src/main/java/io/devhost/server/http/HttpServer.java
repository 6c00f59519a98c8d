package io.devhost.server.http;

import io.devhost.core.audit.AuditListener;
import io.devhost.server.auth.BearerAuthenticator;
import io.devhost.server.auth.Caller;
import io.devhost.server.auth.IssuerKeys;
import io.devhost.server.auth.OAuthSettings;
import io.devhost.server.auth.ScopeMap;
import io.devhost.server.auth.TokenVerifier;
import io.devhost.server.mcp.CancellationRegistry;
import io.devhost.server.mcp.DevhostMcpServer;
import io.devhost.server.mcp.RequestTagger;
import io.devhost.server.metrics.ToolMetrics;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.modern.server.McpServer;
import io.modelcontextprotocol.modern.server.transport.HttpServletMcpTransport;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
 * for both protocol eras (2025-era sessions and stateless 2026-07-28 requests, see {@link
 * DualEraServlet}) and the legacy HTTP+SSE transport at {@code /sse} + {@code /message}, each the
 * SDK's servlet behind DevHost's access and request filters, plus {@code /healthz} and {@code
 * /metrics}, and with OAuth the protected-resource metadata.
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

  /**
   * Unknown {@code kid}s refetch the issuer's keys at most twice in this interval: one fetch stays
   * free for a real key rotation while forged kids cannot hammer the identity provider.
   */
  private static final Duration MIN_KEY_REFRESH = Duration.ofSeconds(30);

  /** The caller the access filter established travels to the tool handlers in this context. */
  private static final McpTransportContextExtractor<HttpServletRequest> CALLER_CONTEXT =
      req ->
          req.getAttribute(Caller.CONTEXT_KEY) instanceof Caller caller
              ? McpTransportContext.create(Map.of(Caller.CONTEXT_KEY, caller))
              : McpTransportContext.EMPTY;

  private final Server jetty;
  private final ServerConnector connector;
  private final List<McpSyncServer> mcpServers;
  private final McpServer modernServer;
  private final InFlightRequests inFlight;

  private HttpServer(
      Server jetty,
      ServerConnector connector,
      List<McpSyncServer> mcpServers,
      McpServer modernServer,
      InFlightRequests inFlight) {
    this.jetty = jetty;
    this.connector = connector;
    this.mcpServers = mcpServers;
    this.modernServer = modernServer;
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
      List<ReadinessCheck> readiness,
      AuditListener audit)
      throws Exception {
    var threads = new QueuedThreadPool(MAX_THREADS, 8);
    threads.setName("devhost-http");
    var jetty = new Server(threads);
    var connector = connector(jetty, settings);
    // Bound before the filters are built: the default OAuth audience names the actual port.
    open(jetty, connector, settings);
    String resource = resourceUrl(settings.oauth(), connector);
    BearerAuthenticator authenticator;
    try {
      authenticator = authenticator(settings, resource);
    } catch (RuntimeException e) {
      connector.close();
      jetty.stop();
      throw e;
    }
    var mapper = new JacksonMcpJsonMapper(JsonMapper.builder().build());
    var streamable =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(mapper)
            .mcpEndpoint(MCP_PATH)
            .contextExtractor(CALLER_CONTEXT)
            .keepAliveInterval(KEEP_ALIVE)
            .maxRequestSize(settings.maxBodyBytes())
            .sessionSweepInterval(Duration.ofSeconds(settings.sessionIdleSeconds()))
            .build();
    var sse =
        HttpServletSseServerTransportProvider.builder()
            .jsonMapper(mapper)
            .sseEndpoint(SSE_PATH)
            .messageEndpoint(MESSAGE_PATH)
            .contextExtractor(CALLER_CONTEXT)
            .keepAliveInterval(KEEP_ALIVE)
            .maxRequestSize(settings.maxBodyBytes())
            .build();
    var cancellations = new CancellationRegistry();
    DevhostMcpServer streamableServer = servers.apply(cancellations);
    var modernServer = streamableServer.modern("streamable-http");
    var modern =
        HttpServletMcpTransport.builder(modernServer)
            .jsonMapper(mapper)
            .endpoint(MCP_PATH)
            .contextExtractor(CALLER_CONTEXT)
            .keepAliveInterval(KEEP_ALIVE)
            .maxRequestSize(settings.maxBodyBytes())
            // Origin and Host are the AccessFilter's, which knows the configured allow-list.
            .httpHeaderValidator(headers -> {})
            .build();
    var mcpServers =
        List.of(
            streamableServer.start(streamable, "streamable-http"),
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
    context.addFilter(
        asyncHolder(new FilterHolder(new AccessFilter(settings, authenticator, audit))), "/*", all);
    var mcpFilter =
        asyncHolder(
            new FilterHolder(
                new McpRequestFilter(
                    new RequestTagger(cancellations),
                    sessions,
                    settings.maxBodyBytes(),
                    inFlight,
                    streamableServer::writes,
                    authenticator,
                    audit)));
    for (String path : List.of(MCP_PATH, SSE_PATH, MESSAGE_PATH)) {
      context.addFilter(mcpFilter, path, all);
    }
    context.addServlet(
        asyncHolder(new ServletHolder(new DualEraServlet(streamable, modern, audit))), MCP_PATH);
    var sseHolder = asyncHolder(new ServletHolder(sse));
    context.addServlet(sseHolder, SSE_PATH);
    context.addServlet(sseHolder, MESSAGE_PATH);
    context.addServlet(new ServletHolder(new HealthServlet(readiness)), HEALTH_PATH);
    context.addServlet(new ServletHolder(new MetricsServlet(metrics)), METRICS_PATH);
    if (settings.oauth() != null) {
      var metadata = new ServletHolder(new ProtectedResourceServlet(settings.oauth(), resource));
      context.addServlet(metadata, ProtectedResourceServlet.PATH);
      context.addServlet(metadata, ProtectedResourceServlet.PATH + "/*");
    }

    jetty.setErrorHandler(new QuietErrorHandler());
    // No Jetty graceful stop: close(grace) drains the MCP requests itself, and waiting for the
    // long-lived SSE streams as well would only delay every shutdown.
    jetty.setHandler(context);
    jetty.start();
    var server = new HttpServer(jetty, connector, mcpServers, modernServer, inFlight);
    LOG.info("serving MCP over HTTP at {}", server.baseUri().resolve(MCP_PATH));
    return server;
  }

  private static ServerConnector connector(Server jetty, HttpSettings settings) {
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
    return connector;
  }

  private static void open(Server jetty, ServerConnector connector, HttpSettings settings)
      throws Exception {
    try {
      connector.open();
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
  }

  /** The URL tokens must name in {@code aud}: the configured one, or this server's /mcp. */
  private static String resourceUrl(OAuthSettings oauth, ServerConnector connector) {
    if (oauth == null) {
      return null;
    }
    return oauth.audience() != null
        ? oauth.audience()
        : baseUri(connector).resolve(MCP_PATH).toString();
  }

  /** The bearer-token check: the static token, and with OAuth the issuer's access tokens. */
  private static BearerAuthenticator authenticator(HttpSettings settings, String resource) {
    OAuthSettings oauth = settings.oauth();
    if (oauth == null) {
      return new BearerAuthenticator(settings.token(), null, ScopeMap.DEFAULT, null);
    }
    var verifier =
        new TokenVerifier(
            oauth.issuer().toString(), resource, IssuerKeys.of(oauth, MIN_KEY_REFRESH));
    LOG.info("accepting access tokens of {} for {}", oauth.issuer(), resource);
    return new BearerAuthenticator(
        settings.token(), verifier, oauth.scopes(), ProtectedResourceServlet.metadataUrl(resource));
  }

  private static <T extends Holder<?>> T asyncHolder(T holder) {
    holder.setAsyncSupported(true);
    return holder;
  }

  public int port() {
    return connector.getLocalPort();
  }

  public URI baseUri() {
    return baseUri(connector);
  }

  private static URI baseUri(ServerConnector connector) {
    String host = connector.getHost();
    String literal = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + literal + ":" + connector.getLocalPort() + "/");
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
    modernServer.closeGracefully();
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("stopping the HTTP server failed: {}", e.getMessage());
    }
  }
}

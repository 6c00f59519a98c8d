package io.devhost.server.testing;

import io.devhost.core.ResultLimits;
import io.devhost.core.ToolRunner;
import io.devhost.core.Toolset;
import io.devhost.core.audit.JsonlAuditLog;
import io.devhost.fs.FilesystemToolset;
import io.devhost.fs.Sandbox;
import io.devhost.server.auth.Caller;
import io.devhost.server.mcp.ToolCallPipeline;
import io.devhost.server.mcp.ToolCatalog;
import io.devhost.server.metrics.ToolMetrics;
import io.devhost.server.modern.ModernRoundTrips;
import io.devhost.server.modern.ModernServer;
import io.devhost.server.policy.ConfirmMode;
import io.devhost.server.policy.StateKey;
import io.devhost.server.policy.ToolTimeouts;
import io.devhost.server.policy.ToolVisibility;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.client.McpClient;
import io.modelcontextprotocol.modern.client.McpSyncClient;
import io.modelcontextprotocol.modern.client.McpSyncElicitationHandler;
import io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport;
import io.modelcontextprotocol.modern.client.transport.McpHttpRequestCustomizer;
import io.modelcontextprotocol.modern.server.transport.HttpServletMcpTransport;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One 2026-07-28 DevHost replica on a loopback port: DevHost's modern server ({@link ModernServer})
 * behind the SDK's servlet transport, the filesystem tools on a shared directory, with a clock the
 * test may move (state expiry). Bearer tokens name callers ({@code alice-token} is alice), as the
 * access filter would.
 */
public final class ModernReplica implements AutoCloseable {

  private final Server jetty;
  private final ServerConnector connector;
  private final ToolCallPipeline pipeline;
  private final JsonlAuditLog audit;

  private ModernReplica(
      Server jetty, ServerConnector connector, ToolCallPipeline pipeline, JsonlAuditLog audit) {
    this.jetty = jetty;
    this.connector = connector;
    this.pipeline = pipeline;
    this.audit = audit;
  }

  public static ModernReplica start(
      Path root, Path auditLog, StateKey key, Clock clock, ConfirmMode confirm) throws Exception {
    List<Toolset> toolsets = List.of(new FilesystemToolset(Sandbox.of(List.of(root))));
    var catalog =
        ToolCatalog.of(
            toolsets, new ToolVisibility(false, Set.of("fs-write"), List.of(), List.of()));
    var audit = new JsonlAuditLog(auditLog, 1 << 20, 2);
    var pipeline =
        new ToolCallPipeline(
            new ToolRunner(ResultLimits.DEFAULT),
            new ToolCallPipeline.Settings(confirm, ToolTimeouts.parse(List.of()), 0),
            audit,
            new ToolMetrics());
    var roundTrips =
        ModernRoundTrips.create(pipeline, key, audit, tool -> true, "streamable-http", clock);
    var server = ModernServer.build(toolsets, catalog, roundTrips, "test replica", List.of());
    var transport =
        HttpServletMcpTransport.builder(server)
            .contextExtractor(
                req -> {
                  String auth = req.getHeader("Authorization");
                  if (auth == null || !auth.endsWith("-token")) {
                    return McpTransportContext.EMPTY;
                  }
                  String subject =
                      auth.substring("Bearer ".length(), auth.length() - "-token".length());
                  return McpTransportContext.create(
                      Map.of(Caller.CONTEXT_KEY, new Caller(subject, null, true)));
                })
            .build();
    var jetty = new Server();
    var connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    var context = new ServletContextHandler();
    context.setContextPath("/");
    var holder = new ServletHolder(transport);
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/mcp");
    jetty.setHandler(context);
    jetty.start();
    return new ModernReplica(jetty, connector, pipeline, audit);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/mcp");
  }

  /**
   * A modern client of this replica, as {@code caller}, that answers confirmation forms with {@code
   * answer}; null declares no elicitation.
   */
  public McpSyncClient client(
      String caller, McpSyncElicitationHandler<McpSchema.ElicitFormRequest> answer) {
    var transport =
        HttpClientMcpTransport.builder(endpoint())
            .requestCustomizer(
                McpHttpRequestCustomizer.fromSync(
                    (request, headers, context) ->
                        headers.set("Authorization", "Bearer " + caller + "-token")))
            .build();
    var builder =
        McpClient.sync(transport)
            .clientInfo(McpSchema.Implementation.builder("mrtr-test", "1").build())
            .roundTimeout(Duration.ofSeconds(20));
    if (answer != null) {
      builder.formElicitation(answer);
    }
    return builder.build();
  }

  @Override
  public void close() throws Exception {
    jetty.stop();
    pipeline.close();
    audit.close();
  }
}

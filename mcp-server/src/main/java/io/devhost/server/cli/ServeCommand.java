package io.devhost.server.cli;

import io.devhost.core.ResultLimits;
import io.devhost.core.ToolRunner;
import io.devhost.core.Toolset;
import io.devhost.core.audit.JsonlAuditLog;
import io.devhost.server.config.AuditOptions;
import io.devhost.server.config.PolicyOptions;
import io.devhost.server.config.ServerOptions;
import io.devhost.server.config.Toolsets;
import io.devhost.server.conformance.ConformanceFixtures;
import io.devhost.server.http.HttpOptions;
import io.devhost.server.http.HttpServer;
import io.devhost.server.http.ReadinessCheck;
import io.devhost.server.mcp.CancellationRegistry;
import io.devhost.server.mcp.DevhostMcpServer;
import io.devhost.server.mcp.StdioServer;
import io.devhost.server.mcp.ToolCallPipeline;
import io.devhost.server.mcp.ToolCatalog;
import io.devhost.server.metrics.ToolMetrics;
import io.devhost.server.policy.ToolVisibility;
import io.modelcontextprotocol.server.McpServerFeatures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code devhost serve}: serves the enabled toolsets over MCP. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the enabled toolsets over MCP: stdio, HTTP (--http), or both.")
final class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  /** How long running tool calls may take to finish when the server is told to stop. */
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  @Mixin ServerOptions options;
  @Mixin PolicyOptions policy;
  @Mixin HttpOptions http;
  @Mixin AuditOptions audit;

  @Option(
      names = "--stdio",
      description = "Serve over stdin/stdout: the default without --http; with it, serve both.")
  boolean stdio;

  /** /healthz is not ready while a toolset cannot serve, e.g. its database is down. */
  private static List<ReadinessCheck> readinessChecks(List<Toolset> toolsets) {
    return toolsets.stream().map(t -> (ReadinessCheck) t::unavailable).toList();
  }

  @Override
  public Integer call() throws Exception {
    var httpSettings = http.enabled() ? http.settings() : null;
    var toolsets = new ArrayList<Toolset>(Toolsets.create(options));
    var fixtureTools = new ArrayList<McpServerFeatures.SyncToolSpecification>();
    if (http.conformanceFixtures()) {
      toolsets.add(ConformanceFixtures.toolset());
      fixtureTools.addAll(ConformanceFixtures.tools());
    }
    var visibility =
        new ToolVisibility(policy.readOnly(), policy.allowTools(), options.excludeTools());
    var catalog = ToolCatalog.of(toolsets, visibility);
    var limits =
        new ResultLimits(options.maxResultBytes(), ResultLimits.DEFAULT.maxInlineTextChars());
    var metrics = new ToolMetrics();
    var auditLog = audit.open();
    var pipeline =
        new ToolCallPipeline(
            new ToolRunner(limits),
            new ToolCallPipeline.Settings(
                policy.confirm(), policy.toolTimeouts(), policy.rateLimitPerMinute()),
            auditLog,
            metrics);
    Function<CancellationRegistry, DevhostMcpServer> servers =
        cancellations ->
            new DevhostMcpServer(toolsets, catalog, pipeline, cancellations, fixtureTools);

    HttpServer httpServer =
        httpSettings == null
            ? null
            : HttpServer.start(httpSettings, servers, metrics, readinessChecks(toolsets));
    var shutdown =
        new Thread(() -> stop(httpServer, pipeline, auditLog, toolsets), "devhost-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    if (httpServer != null) {
      System.err.println("devhost: serving MCP at " + httpServer.baseUri().resolve("mcp"));
    }
    if (stdio || httpServer == null) {
      StdioServer.serve(servers);
    } else {
      httpServer.join();
    }
    return 0;
  }

  /**
   * Runs once, on SIGTERM/SIGINT or at the end of stdin: calls finish, sessions close, pools close.
   */
  private static void stop(
      HttpServer httpServer,
      ToolCallPipeline pipeline,
      JsonlAuditLog auditLog,
      List<Toolset> toolsets) {
    LOG.info("shutting down");
    pipeline.close(SHUTDOWN_GRACE);
    if (httpServer != null) {
      httpServer.close(SHUTDOWN_GRACE);
    }
    auditLog.close();
    toolsets.forEach(Toolset::close);
  }
}

package io.devhost.server.cli;

import io.devhost.core.ResultLimits;
import io.devhost.core.ToolRunner;
import io.devhost.core.Toolset;
import io.devhost.core.audit.AuditListener;
import io.devhost.core.audit.AuditOutputs;
import io.devhost.server.config.CallOptions;
import io.devhost.server.config.PolicyOptions;
import io.devhost.server.config.ServerOptions;
import io.devhost.server.conformance.ConformanceFixtures;
import io.devhost.server.http.HttpServer;
import io.devhost.server.http.HttpSettings;
import io.devhost.server.http.ReadinessCheck;
import io.devhost.server.mcp.CancellationRegistry;
import io.devhost.server.mcp.DevhostMcpServer;
import io.devhost.server.mcp.ToolCallPipeline;
import io.devhost.server.metrics.CallMetrics;
import io.devhost.server.metrics.ToolMetrics;
import io.devhost.server.policy.StateKey;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server, started: the toolsets, policy and audit log behind its MCP sessions, and the HTTP
 * transport when asked for. Everything stops once, on SIGTERM/SIGINT or at exit.
 */
final class RunningServer {

  private static final Logger LOG = LoggerFactory.getLogger(RunningServer.class);

  /** How long running tool calls may take to finish when the server is told to stop. */
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  private final Function<CancellationRegistry, DevhostMcpServer> sessions;
  private final HttpServer http;

  private RunningServer(
      Function<CancellationRegistry, DevhostMcpServer> sessions, HttpServer http) {
    this.sessions = sessions;
    this.http = http;
  }

  /** Makes an MCP server for each session, sharing the toolsets and policy. */
  Function<CancellationRegistry, DevhostMcpServer> sessions() {
    return sessions;
  }

  /** The HTTP transport, or null when only stdio was asked for. */
  HttpServer http() {
    return http;
  }

  /**
   * @param httpSettings the HTTP transport's settings, or null for none
   * @param conformanceFixtures serve the MCP conformance suite's fixtures (testing only)
   * @param stateKey the key that signs 2026-07-28 round-trip state
   */
  static RunningServer start(
      ServerOptions options,
      PolicyOptions policy,
      AuditOutputs auditLog,
      HttpSettings httpSettings,
      boolean conformanceFixtures,
      StateKey stateKey)
      throws Exception {
    var visibility = policy.visibility(options);
    List<Toolset> extra = conformanceFixtures ? List.of(ConformanceFixtures.toolset()) : List.of();
    var fixtures =
        conformanceFixtures
            ? new DevhostMcpServer.Fixtures(
                ConformanceFixtures.tools(),
                ConformanceFixtures.modernTools(),
                ConformanceFixtures.modernPrompts())
            : DevhostMcpServer.Fixtures.NONE;
    var enabled = EnabledTools.open(options, visibility, extra);
    var toolsets = enabled.toolsets();
    var catalog = enabled.catalog();
    // Only HTTP serves /metrics; without it, nothing would read the figures.
    var metrics = httpSettings == null ? null : new ToolMetrics();
    var pipeline =
        pipeline(
            options,
            policy.call(),
            policy.rateLimitPerMinute(),
            auditLog,
            metrics == null ? CallMetrics.NONE : metrics);
    Function<CancellationRegistry, DevhostMcpServer> sessions =
        cancellations ->
            new DevhostMcpServer(toolsets, catalog, pipeline, cancellations, fixtures, stateKey);
    HttpServer httpServer =
        httpSettings == null
            ? null
            : HttpServer.start(
                httpSettings, sessions, metrics, readinessChecks(toolsets), auditLog);
    Runnable closeHttp = closer(httpServer);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> stop(closeHttp, pipeline, auditLog, toolsets), "devhost-shutdown"));
    return new RunningServer(sessions, httpServer);
  }

  /**
   * The call pipeline of {@code serve} and {@code devhost call}: one policy, one audit log.
   *
   * @param rateLimitPerMinute calls per session per minute, 0 for none
   */
  static ToolCallPipeline pipeline(
      ServerOptions options,
      CallOptions call,
      int rateLimitPerMinute,
      AuditListener audit,
      CallMetrics metrics) {
    var limits =
        new ResultLimits(options.maxResultBytes(), ResultLimits.DEFAULT.maxInlineTextChars());
    return new ToolCallPipeline(
        new ToolRunner(limits),
        new ToolCallPipeline.Settings(call.confirm(), call.toolTimeouts(), rateLimitPerMinute),
        audit,
        metrics);
  }

  /** /healthz is not ready while a toolset cannot serve, e.g. its database is down. */
  private static List<ReadinessCheck> readinessChecks(List<Toolset> toolsets) {
    return toolsets.stream().map(t -> (ReadinessCheck) t::unavailable).toList();
  }

  /**
   * What closes the HTTP transport, if there is one. No lambda of a stdio-only server names the
   * HttpServer type: resolving one would load the class (StdioClassLoadingIT).
   */
  private static Runnable closer(HttpServer httpServer) {
    return httpServer == null ? () -> {} : () -> httpServer.close(SHUTDOWN_GRACE);
  }

  /** Calls finish, sessions close, pools close. */
  private static void stop(
      Runnable closeHttp,
      ToolCallPipeline pipeline,
      AuditOutputs auditLog,
      List<Toolset> toolsets) {
    LOG.info("shutting down");
    pipeline.close(SHUTDOWN_GRACE);
    closeHttp.run();
    auditLog.close();
    toolsets.forEach(Toolset::close);
  }
}

package io.devhost.server.testing;

import io.devhost.core.ResultLimits;
import io.devhost.core.ToolRunner;
import io.devhost.core.Toolset;
import io.devhost.core.audit.JsonlAuditLog;
import io.devhost.fs.FilesystemToolset;
import io.devhost.fs.Sandbox;
import io.devhost.server.auth.OAuthSettings;
import io.devhost.server.http.HttpServer;
import io.devhost.server.http.HttpSettings;
import io.devhost.server.mcp.DevhostMcpServer;
import io.devhost.server.mcp.ToolCallPipeline;
import io.devhost.server.mcp.ToolCatalog;
import io.devhost.server.metrics.ToolMetrics;
import io.devhost.server.policy.ConfirmMode;
import io.devhost.server.policy.StateKey;
import io.devhost.server.policy.ToolTimeouts;
import io.devhost.server.policy.ToolVisibility;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.modern.client.McpSyncElicitationHandler;
import io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport;
import io.modelcontextprotocol.modern.client.transport.McpHttpRequestCustomizer;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.type.TypeReference;

/**
 * A real DevHost HTTP server on a random loopback port, with the filesystem tools on a temporary
 * directory and the {@link TestTools}, and SDK clients connected to it.
 */
public final class TestServer implements AutoCloseable {

  public static final String TOKEN = "test-token-0123456789abcdef";

  private final HttpServer http;
  private final ToolCallPipeline pipeline;
  private final Path auditLog;
  private final JsonlAuditLog audit;

  private TestServer(
      HttpServer http, ToolCallPipeline pipeline, Path auditLog, JsonlAuditLog audit) {
    this.http = http;
    this.pipeline = pipeline;
    this.auditLog = auditLog;
    this.audit = audit;
  }

  /** Settings of a test server; every field has a default fit for most tests. */
  public record Config(
      String token,
      boolean readOnly,
      List<String> allow,
      List<String> deny,
      ConfirmMode confirm,
      List<String> timeouts,
      int rateLimit,
      int maxBodyBytes,
      int maxSessions,
      OAuthSettings oauth) {

    public static Config defaults() {
      return new Config(
          null, false, List.of(), List.of(), ConfirmMode.auto, List.of(), 0, 65536, 128, null);
    }

    public Config withOAuth(OAuthSettings o) {
      return new Config(
          token, readOnly, allow, deny, confirm, timeouts, rateLimit, maxBodyBytes, maxSessions, o);
    }

    public Config withToken(String t) {
      return new Config(
          t, readOnly, allow, deny, confirm, timeouts, rateLimit, maxBodyBytes, maxSessions, oauth);
    }

    public Config withReadOnly() {
      return new Config(
          token, true, allow, deny, confirm, timeouts, rateLimit, maxBodyBytes, maxSessions, oauth);
    }

    public Config withDeny(List<String> d) {
      return new Config(
          token,
          readOnly,
          allow,
          d,
          confirm,
          timeouts,
          rateLimit,
          maxBodyBytes,
          maxSessions,
          oauth);
    }

    public Config withAllow(List<String> a) {
      return new Config(
          token, readOnly, a, deny, confirm, timeouts, rateLimit, maxBodyBytes, maxSessions, oauth);
    }

    public Config withConfirm(ConfirmMode c) {
      return new Config(
          token, readOnly, allow, deny, c, timeouts, rateLimit, maxBodyBytes, maxSessions, oauth);
    }

    public Config withTimeouts(List<String> t) {
      return new Config(
          token, readOnly, allow, deny, confirm, t, rateLimit, maxBodyBytes, maxSessions, oauth);
    }

    public Config withRateLimit(int r) {
      return new Config(
          token, readOnly, allow, deny, confirm, timeouts, r, maxBodyBytes, maxSessions, oauth);
    }

    public Config withMaxSessions(int m) {
      return new Config(
          token, readOnly, allow, deny, confirm, timeouts, rateLimit, maxBodyBytes, m, oauth);
    }
  }

  public static TestServer start(Path dir, Config config) throws Exception {
    return start(dir, config, List.of());
  }

  /** A test server that also serves {@code extraToolsets} (e.g. one with prompts). */
  public static TestServer start(Path dir, Config config, List<Toolset> extraToolsets)
      throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.writeString(root.resolve("hello.txt"), "hello from a real file\n");
    return start(dir, root, config, extraToolsets, null);
  }

  /**
   * One replica of a shared deployment: its own audit log under {@code dir}, the file tools on the
   * {@code root} all replicas share, and the key that signs 2026-07-28 round-trip state.
   */
  public static TestServer replica(Path dir, Path root, Config config, StateKey stateKey)
      throws Exception {
    return start(dir, root, config, List.of(), stateKey);
  }

  private static TestServer start(
      Path dir, Path root, Config config, List<Toolset> extraToolsets, StateKey stateKey)
      throws Exception {
    var toolsets = new ArrayList<Toolset>();
    toolsets.add(new FilesystemToolset(Sandbox.of(List.of(root))));
    toolsets.add(new TestTools());
    toolsets.addAll(extraToolsets);
    var catalog =
        ToolCatalog.of(
            toolsets,
            new ToolVisibility(
                config.readOnly(),
                Set.of("fs-write", "test-write"),
                config.allow(),
                config.deny()));
    Path auditLog = dir.resolve("audit").resolve("audit.jsonl");
    var metrics = new ToolMetrics();
    var audit = new JsonlAuditLog(auditLog, 1 << 20, 2);
    var pipeline =
        new ToolCallPipeline(
            new ToolRunner(ResultLimits.DEFAULT),
            new ToolCallPipeline.Settings(
                config.confirm(), ToolTimeouts.parse(config.timeouts()), config.rateLimit()),
            audit,
            metrics);
    var settings =
        HttpSettings.of(
            "127.0.0.1",
            0,
            config.token(),
            List.of(),
            List.of(),
            config.maxBodyBytes(),
            config.maxSessions(),
            600,
            config.oauth());
    var http =
        HttpServer.start(
            settings,
            cancellations ->
                new DevhostMcpServer(
                    toolsets,
                    catalog,
                    pipeline,
                    cancellations,
                    DevhostMcpServer.Fixtures.NONE,
                    stateKey),
            metrics,
            List.of(),
            audit);
    return new TestServer(http, pipeline, auditLog, audit);
  }

  public URI uri(String path) {
    return http.baseUri().resolve(path);
  }

  public int port() {
    return http.port();
  }

  public Path auditLog() {
    return auditLog;
  }

  /** The audit log's records, parsed. */
  public List<Map<String, Object>> auditRecords() throws Exception {
    if (!Files.exists(auditLog)) {
      return List.of();
    }
    var type = new TypeReference<Map<String, Object>>() {};
    return Files.readAllLines(auditLog).stream()
        .map(line -> io.devhost.core.Json.MAPPER.readValue(line, type))
        .toList();
  }

  public McpSyncClient streamableClient() {
    return streamableClient(spec -> spec);
  }

  public McpSyncClient streamableClient(
      Function<McpClient.SyncSpec, McpClient.SyncSpec> customize) {
    return streamableClient(TOKEN, customize);
  }

  /** A Streamable HTTP client sending {@code bearerToken}, e.g. an OAuth access token. */
  public McpSyncClient streamableClient(
      String bearerToken, Function<McpClient.SyncSpec, McpClient.SyncSpec> customize) {
    var transport =
        HttpClientStreamableHttpTransport.builder(http.baseUri().toString())
            .endpoint("/mcp")
            .requestBuilder(authorized(bearerToken))
            .build();
    return connect(customize.apply(McpClient.sync(transport)));
  }

  /** A 2026-07-28 (stateless) client of {@code /mcp}, sending the test token. */
  public io.modelcontextprotocol.modern.client.McpSyncClient modernClient() {
    return modernClient(TOKEN, null);
  }

  /** A 2026-07-28 (stateless) client of {@code /mcp} sending {@code bearerToken}. */
  public io.modelcontextprotocol.modern.client.McpSyncClient modernClient(String bearerToken) {
    return modernClient(bearerToken, null);
  }

  /**
   * A 2026-07-28 client that answers elicitation forms with {@code answer}; null declares no
   * elicitation.
   */
  public io.modelcontextprotocol.modern.client.McpSyncClient modernClient(
      McpSyncElicitationHandler<io.modelcontextprotocol.modern.McpSchema.ElicitFormRequest>
          answer) {
    return modernClient(TOKEN, answer);
  }

  private io.modelcontextprotocol.modern.client.McpSyncClient modernClient(
      String bearerToken,
      McpSyncElicitationHandler<io.modelcontextprotocol.modern.McpSchema.ElicitFormRequest>
          answer) {
    var transport =
        HttpClientMcpTransport.builder(http.baseUri().resolve("/mcp"))
            .requestCustomizer(
                McpHttpRequestCustomizer.fromSync(
                    (request, headers, context) ->
                        headers.set("Authorization", "Bearer " + bearerToken)))
            .build();
    var builder =
        io.modelcontextprotocol.modern.client.McpClient.sync(transport)
            .clientInfo(
                new io.modelcontextprotocol.modern.McpSchema.Implementation(
                    "devhost-modern-test", null, "2.0.0", null, null, null));
    if (answer != null) {
      builder.formElicitation(answer);
    }
    return builder.build();
  }

  public McpSyncClient sseClient() {
    return sseClient(TOKEN);
  }

  /** A legacy HTTP+SSE client sending {@code bearerToken}. */
  public McpSyncClient sseClient(String bearerToken) {
    var transport =
        HttpClientSseClientTransport.builder(http.baseUri().toString())
            .sseEndpoint("/sse")
            .requestBuilder(authorized(bearerToken))
            .build();
    return connect(McpClient.sync(transport));
  }

  private static HttpRequest.Builder authorized(String bearerToken) {
    return HttpRequest.newBuilder().header("Authorization", "Bearer " + bearerToken);
  }

  private static McpSyncClient connect(McpClient.SyncSpec spec) {
    var client =
        spec.clientInfo(new McpSchema.Implementation("devhost-test", "1.2.3"))
            .requestTimeout(Duration.ofSeconds(20))
            .build();
    client.initialize();
    return client;
  }

  @Override
  public void close() {
    pipeline.close(Duration.ofSeconds(5));
    http.close(Duration.ofSeconds(5));
    audit.close();
  }
}

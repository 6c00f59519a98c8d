package io.devhost.github;

import io.devhost.core.ResultLimits;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolRunner;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The GitHub toolset pointed at a {@link GitHubReplayServer}, with waits recorded, not slept. */
final class GitHubFixture {

  static final String TOKEN = "ghp_testtoken1234567890SECRET";
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final GitHubToolset toolset;
  private final ToolRunner runner = new ToolRunner(ResultLimits.DEFAULT);

  GitHubFixture(GitHubReplayServer server, List<String> allowed, boolean lockdown) {
    var limiter =
        new RateLimiter(
            Duration.ofSeconds(60), (d, ctx) -> sleeps.add(d), Clock.fixed(NOW, ZoneOffset.UTC));
    var client =
        new GitHubClient(
            server.url(),
            TOKEN,
            "devhost-test",
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
            limiter,
            Duration.ofSeconds(10));
    toolset = new GitHubToolset(client, RepoAllowlist.of(allowed), lockdown);
  }

  McpSchema.CallToolResult run(String tool, Map<String, Object> args) {
    var spec =
        toolset.tools().stream().filter(t -> t.name().equals(tool)).findFirst().orElseThrow();
    return runner.run(spec, args, ToolContext.DETACHED).result();
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> call(String tool, Map<String, Object> args) {
    var result = run(tool, args);
    if (Boolean.TRUE.equals(result.isError())) {
      throw new AssertionError(tool + " failed: " + text(result));
    }
    return (Map<String, Object>) result.structuredContent();
  }

  static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }
}

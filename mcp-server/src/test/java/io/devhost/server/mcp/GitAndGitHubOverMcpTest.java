package io.devhost.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.devhost.core.Toolset;
import io.devhost.server.config.Toolsets;
import io.devhost.server.policy.ToolVisibility;
import io.devhost.server.testing.ServerArgs;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The git and github toolsets built from command-line options and served over the stdio transport:
 * listed with their schemas, callable, with the GitHub quota in the result's _meta.
 */
class GitAndGitHubOverMcpTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path root;

  @Test
  void gitAndGitHubToolsWorkOverStdio() throws Exception {
    try (var git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
      Files.writeString(root.resolve("README.md"), "hello\n");
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("first commit")
          .setAuthor("Ada", "ada@example.com")
          .setCommitter("Ada", "ada@example.com")
          .setSign(false)
          .call();
    }
    var github = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    github.createContext(
        "/repos/octo-org/app/issues",
        ex -> {
          byte[] body =
              "[{\"number\":7,\"title\":\"Bug\",\"state\":\"open\",\"user\":{\"login\":\"octocat\"},\"author_association\":\"OWNER\",\"labels\":[]}]"
                  .getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("X-RateLimit-Limit", "5000");
          ex.getResponseHeaders().add("X-RateLimit-Remaining", "4321");
          ex.getResponseHeaders().add("X-RateLimit-Reset", "1767225600");
          ex.sendResponseHeaders(200, body.length);
          try (var out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    github.start();
    try {
      var options =
          ServerArgs.parse(
              "--toolsets",
              "git,github",
              "--roots",
              root.toString(),
              "--github-repos",
              "octo-org/app",
              "--github-api-url",
              "http://127.0.0.1:" + github.getAddress().getPort());
      List<Toolset> toolsets = Toolsets.create(options, Map.of("GITHUB_TOKEN", "t0ken"));
      var visibility = new ToolVisibility(false, options.writeSwitchesOn(), List.of(), List.of());
      try (var session = new PipedStdioSession(toolsets, visibility)) {
        session.initialize();

        session.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
        var tools = session.reply(2).path("result").path("tools");
        var names = new java.util.ArrayList<String>();
        tools.forEach(t -> names.add(t.path("name").asString()));
        assertThat(names)
            .contains("git_log", "git_grep", "list_issues", "get_pull_request")
            .doesNotContain("git_commit", "create_issue");

        session.send(
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"git_log\",\"arguments\":{\"maxCount\":5}}}");
        var log = session.reply(3).path("result");
        assertThat(log.path("isError").asBoolean()).isFalse();
        assertThat(log.path("structuredContent").path("commits").get(0).path("subject").asString())
            .isEqualTo("first commit");

        session.send(
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"list_issues\",\"arguments\":{\"repo\":\"octo-org/app\"}}}");
        var issues = session.reply(4).path("result");
        assertThat(issues.path("structuredContent").path("issues").get(0).path("title").asString())
            .isEqualTo("Bug");
        assertThat(
                issues
                    .path("_meta")
                    .path("io.devhost/github-rate-limit")
                    .path("remaining")
                    .asLong())
            .isEqualTo(4321);

        session.send(
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"list_issues\",\"arguments\":{\"repo\":\"other/repo\"}}}");
        var denied = session.reply(5).path("result");
        assertThat(denied.path("isError").asBoolean()).isTrue();
        assertThat(denied.path("content").get(0).path("text").asString())
            .contains("not in the allowed repositories");
      }
    } finally {
      github.stop(0);
    }
  }
}

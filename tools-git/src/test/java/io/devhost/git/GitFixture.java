package io.devhost.git;

import io.devhost.core.ResultLimits;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolRunner;
import io.devhost.core.ToolSpec;
import io.devhost.fs.Sandbox;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real repository in a temp dir, built with JGit, and a way to call the git tools on it. */
final class GitFixture implements AutoCloseable {

  final Path root;
  final Path dir;
  final Git git;
  private final GitToolset toolset;
  private final ToolRunner runner = new ToolRunner(ResultLimits.DEFAULT);
  private long clock = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();

  /** A repository whose working tree is the allowed root itself. */
  GitFixture(Path root) throws Exception {
    this(root, "", List.of());
  }

  /**
   * A repository at {@code below} under the allowed root ("" for the root itself), the tools
   * configured with extra deny globs as {@code --deny} gives them.
   */
  GitFixture(Path root, String below, List<String> deny) throws Exception {
    this.root = Files.createDirectories(root).toRealPath();
    this.dir = Files.createDirectories(this.root.resolve(below));
    this.git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    var config = git.getRepository().getConfig();
    config.setString("user", null, "name", "Ada");
    config.setString("user", null, "email", "ada@example.com");
    config.save();
    this.toolset = new GitToolset(Sandbox.builder().roots(List.of(this.root)).deny(deny).build());
  }

  GitFixture write(String path, String content) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return this;
  }

  GitFixture writeBytes(String path, byte[] content) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    return this;
  }

  RevCommit commit(String message) throws Exception {
    return commitAs("Ada", "ada@example.com", message);
  }

  RevCommit commitAs(String name, String email, String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.add().setUpdate(true).addFilepattern(".").call();
    var who = new PersonIdent(name, email, Instant.ofEpochSecond(clock += 3600), ZoneOffset.UTC);
    return git.commit()
        .setMessage(message)
        .setAuthor(who)
        .setCommitter(who)
        .setNoVerify(true)
        .setSign(false)
        .call();
  }

  ToolSpec<?, ?> tool(String name) {
    return toolset.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  GitToolset toolset() {
    return toolset;
  }

  /** Calls a tool the way MCP does; returns the structured result, or fails on an error. */
  @SuppressWarnings("unchecked")
  Map<String, Object> call(String name, Map<String, Object> args) {
    var result = run(name, args);
    if (Boolean.TRUE.equals(result.isError())) {
      throw new AssertionError(name + " failed: " + text(result));
    }
    return (Map<String, Object>) result.structuredContent();
  }

  McpSchema.CallToolResult run(String name, Map<String, Object> args) {
    return runner.run(tool(name), args, ToolContext.DETACHED).result();
  }

  static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  @Override
  public void close() {
    git.close();
  }
}

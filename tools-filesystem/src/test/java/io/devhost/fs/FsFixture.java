package io.devhost.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.ResultLimits;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolRunner;
import io.devhost.core.ToolSpec;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A filesystem toolset over a temp directory, called through the real {@link ToolRunner}. */
final class FsFixture {

  final Path root;
  final Sandbox sandbox;
  final FilesystemToolset toolset;
  private final ToolRunner runner = new ToolRunner(ResultLimits.DEFAULT);

  FsFixture(Path root) {
    this(root, Sandbox.of(List.of(root)));
  }

  /** A sandbox of the given kind over one writable root. */
  FsFixture(Path root, Sandbox.Kind kind) {
    this(root, Sandbox.builder().roots(List.of(root)).kind(kind).build());
  }

  FsFixture(Path root, Sandbox sandbox) {
    this.root = root;
    this.sandbox = sandbox;
    this.toolset = new FilesystemToolset(sandbox);
  }

  ToolRunner.Outcome call(String tool, Map<String, Object> args) {
    return call(tool, args, ToolContext.DETACHED);
  }

  ToolRunner.Outcome call(String tool, Map<String, Object> args, ToolContext ctx) {
    ToolSpec<?, ?> spec =
        toolset.tools().stream().filter(t -> t.name().equals(tool)).findFirst().orElseThrow();
    return runner.run(spec, args, ctx);
  }

  /** The structured result of a call that must succeed. */
  @SuppressWarnings("unchecked")
  Map<String, Object> ok(String tool, Map<String, Object> args) {
    var outcome = call(tool, args);
    assertThat(outcome.isError()).as("%s failed: %s", tool, text(outcome.result())).isFalse();
    return (Map<String, Object>) outcome.result().structuredContent();
  }

  /** The error message of a call that must fail. */
  String error(String tool, Map<String, Object> args) {
    return error(tool, args, ToolContext.DETACHED);
  }

  String error(String tool, Map<String, Object> args, ToolContext ctx) {
    var outcome = call(tool, args, ctx);
    assertThat(outcome.isError()).as("%s should fail", tool).isTrue();
    return text(outcome.result());
  }

  static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  /** A context whose client declared these roots. */
  static ToolContext clientRoots(Path... roots) {
    return new ToolContext() {
      @Override
      public void progress(double done, Double total, String message) {}

      @Override
      public boolean isCancelled() {
        return false;
      }

      @Override
      public Optional<List<URI>> clientRoots() {
        return Optional.of(java.util.Arrays.stream(roots).map(Path::toUri).toList());
      }
    };
  }
}

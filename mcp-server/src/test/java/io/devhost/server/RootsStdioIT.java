package io.devhost.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which directories a session may touch when none is configured, as a client starts DevHost: the
 * built jar as a child process started in a given working directory, the SDK client on stdio.
 */
class RootsStdioIT {

  @TempDir Path tmp;

  /** Starts {@code devhost serve} in {@code workingDirectory}, as a client's launcher would. */
  private static McpSyncClient startIn(
      Path workingDirectory, UnaryOperator<McpClient.SyncSpec> client) {
    var params =
        ServerParameters.builder("sh")
            .args(
                "-c",
                "cd \"$0\" && exec java -jar \"$1\" serve --toolsets fs,git",
                workingDirectory.toString(),
                System.getProperty("devhost.jar"))
            .build();
    var transport =
        new StdioClientTransport(params, new JacksonMcpJsonMapper(JsonMapper.builder().build()));
    var spec =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(60))
            .initializationTimeout(Duration.ofSeconds(120));
    var started = client.apply(spec).build();
    started.initialize();
    return started;
  }

  private static McpSchema.CallToolResult call(
      McpSyncClient client, String tool, Map<String, Object> args) {
    return client.callTool(new McpSchema.CallToolRequest(tool, args));
  }

  private static Object directories(McpSyncClient client) {
    var listed = call(client, "list_allowed_directories", Map.of());
    assertThat(listed.isError()).isFalse();
    return ((Map<?, ?>) listed.structuredContent()).get("directories");
  }

  @Test
  void startedAtTheFileSystemRootWithoutRootsServesNothing() {
    var client = startIn(Path.of("/"), spec -> spec);
    try {
      assertThat(directories(client)).isEqualTo(List.of());
      for (String path : List.of("/etc/passwd", "etc/passwd")) {
        var read = call(client, "read_text_file", Map.of("path", path));
        assertThat(read.isError()).isTrue();
        String text = ((McpSchema.TextContent) read.content().get(0)).text();
        assertThat(text)
            .contains("no allowed directory")
            .contains("--roots DIR")
            .contains("DEVHOST_ROOTS")
            .contains("devhost.yaml")
            .contains("a client that offers roots")
            .doesNotContain("root:x:0");
      }
      var log = call(client, "git_log", Map.of());
      assertThat(log.isError()).isTrue();
      assertThat(log.content().toString()).contains("--roots DIR");
    } finally {
      client.closeGracefully();
    }
  }

  @Test
  void aClientThatOffersRootsGetsExactlyThose() throws Exception {
    Path offered = Files.createDirectory(tmp.resolve("offered")).toRealPath();
    Files.writeString(offered.resolve("notes.md"), "offered notes\n");
    Path other = Files.createDirectory(tmp.resolve("other")).toRealPath();
    Files.writeString(other.resolve("secret.txt"), "OTHER");
    var client =
        startIn(
            Path.of("/"),
            spec ->
                spec.capabilities(McpSchema.ClientCapabilities.builder().roots(false).build())
                    .roots(new McpSchema.Root(offered.toUri().toString(), "project")));
    try {
      assertThat(directories(client)).isEqualTo(List.of(offered.toString()));
      var relative = call(client, "read_text_file", Map.of("path", "notes.md"));
      assertThat(relative.isError()).isFalse();
      assertThat(relative.content().toString()).contains("offered notes");
      var outside = call(client, "read_text_file", Map.of("path", "/etc/passwd"));
      assertThat(outside.isError()).isTrue();
      var sibling =
          call(client, "read_text_file", Map.of("path", other.resolve("secret.txt").toString()));
      assertThat(sibling.isError()).isTrue();
      assertThat(sibling.content().toString()).doesNotContain("OTHER");
    } finally {
      client.closeGracefully();
    }
  }

  /** Runs devhost with stdin at end of file: it serves nothing and exits. */
  private static Process run(Path workingDirectory, String... args) throws Exception {
    var command =
        new java.util.ArrayList<>(List.of("java", "-jar", System.getProperty("devhost.jar")));
    command.addAll(List.of(args));
    var process =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    return process;
  }

  private static String stderr(Process process) throws Exception {
    return new String(
        process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void startedAtTheFileSystemRootItWarnsOnceAndStillServes() throws Exception {
    var process = run(Path.of("/"), "serve", "--toolsets", "fs");
    String err = stderr(process);
    assertThat(process.exitValue()).isZero();
    assertThat(err.lines().filter(l -> l.contains("warning: no root configured")).count())
        .isEqualTo(1);
    assertThat(err)
        .contains("the working directory / is the file system's root")
        .contains("--roots DIR");
  }

  @Test
  void aRootThatIsMissingOrAFileStopsTheStartWithTheFix() throws Exception {
    Path file = Files.writeString(tmp.resolve("file.txt"), "x");
    var missing = run(tmp, "serve", "--roots", tmp.resolve("missing").toString());
    String missingErr = stderr(missing);
    assertThat(missing.exitValue()).isEqualTo(2);
    assertThat(missingErr.strip())
        .isEqualTo(
            "devhost: the allowed root "
                + tmp.resolve("missing")
                + " does not exist; create it, or name an existing directory instead.");
    var notADirectory = run(tmp, "serve", "--read-only-roots", file.toString());
    assertThat(notADirectory.exitValue()).isEqualTo(2);
    assertThat(stderr(notADirectory).strip())
        .isEqualTo(
            "devhost: the allowed root "
                + file
                + " is a file, not a directory; name the directory that holds it instead.");
  }

  @Test
  void startedInAProjectDirectoryServesThatDirectory() throws Exception {
    Path project = Files.createDirectory(tmp.resolve("project")).toRealPath();
    Files.writeString(project.resolve("README.md"), "# project\n");
    var client = startIn(project, spec -> spec);
    try {
      assertThat(directories(client)).isEqualTo(List.of(project.toString()));
      var read = call(client, "read_text_file", Map.of("path", "README.md"));
      assertThat(read.isError()).isFalse();

      // A client without elicitation, as Claude Desktop: with the default --confirm auto a
      // destructive call runs, the client's own approval prompt being the one that asks.
      var written =
          call(client, "write_file", Map.of("path", "notes.md", "content", "from the client\n"));
      assertThat(written.isError()).as(written.toString()).isFalse();
      assertThat(project.resolve("notes.md")).hasContent("from the client");
      var deleted = call(client, "delete_file", Map.of("path", "notes.md"));
      assertThat(deleted.isError()).as(deleted.toString()).isFalse();
      assertThat(project.resolve("notes.md")).doesNotExist();
      assertThat(call(client, "read_text_file", Map.of("path", "/etc/passwd")).isError()).isTrue();
    } finally {
      client.closeGracefully();
    }
  }
}

package io.devhost.example.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example plugs in as a user would plug it in: the packaged devhost.jar, unchanged, with this
 * module's jar beside it on the class path, driven by the MCP SDK's client over stdio. Without the
 * jar, DevHost knows no notes toolset.
 */
class NotesToolsetIT {

  private static final String DEVHOST_JAR = System.getProperty("devhost.jar");
  private static final String NOTES_JAR = System.getProperty("notes.jar");

  @TempDir Path dir;

  @Test
  void withTheJarTheNotesToolsAreListedAndCalledThroughMcp() throws Exception {
    Path notesFile = dir.resolve("notes.md");
    // The file comes from DEVHOST_NOTES_FILE: the plugin's options bind like DevHost's own.
    try (var client =
        client(
            List.of("serve", "--toolsets", "fs,notes", "--notes-write", "--roots", dir.toString()),
            Map.of("DEVHOST_NOTES_FILE", notesFile.toString()))) {
      assertThat(toolNames(client.mcp)).contains("read_text_file", "read_notes", "add_note");
      var addNote = tool(client.mcp, "add_note");
      assertThat(addNote.annotations().readOnlyHint()).isFalse();
      assertThat(addNote.annotations().destructiveHint()).isFalse();

      var added = call(client.mcp, "add_note", Map.of("note", "rotate the staging keys"));
      assertThat(added.isError()).isFalse();
      assertThat(added.structuredContent()).isEqualTo(Map.of("count", 1));

      var refused = call(client.mcp, "add_note", Map.of("note", "one\ntwo"));
      assertThat(refused.isError()).isTrue();
      assertThat(text(refused)).contains("note spans several lines; add one note per line.");

      var read = call(client.mcp, "read_notes", Map.of());
      assertThat(read.isError()).isFalse();
      assertThat(read.structuredContent())
          .isEqualTo(Map.of("notes", List.of("rotate the staging keys")));
    }
    assertThat(Files.readString(notesFile)).isEqualTo("rotate the staging keys\n");
  }

  @Test
  void withoutItsWriteSwitchTheWriteToolIsNeitherListedNorCallable() throws Exception {
    try (var client =
        client(
            List.of("serve", "--toolsets", "notes", "--notes-file", dir.resolve("n.md").toString()),
            Map.of())) {
      assertThat(toolNames(client.mcp)).containsExactly("read_notes");
      // Not in the inventory means unknown to the server: the protocol's error for a bad name.
      assertThatThrownBy(() -> call(client.mcp, "add_note", Map.of("note", "sneaky")))
          .isInstanceOf(McpError.class)
          .hasMessageContaining("Unknown tool");
    }
    assertThat(dir.resolve("n.md")).doesNotExist();
  }

  @Test
  void withTheJarButNotNamedTheToolsetStaysOff() throws Exception {
    var run = devhost(true, "tools", "--roots", dir.toString());
    assertThat(run.exitCode).isZero();
    assertThat(run.stdout).contains("read_text_file").doesNotContain("read_notes");
  }

  @Test
  void withoutTheJarDevhostKnowsNoNotesToolset() throws Exception {
    var named = devhost(false, "tools", "--toolsets", "notes");
    assertThat(named.exitCode).isEqualTo(2);
    assertThat(named.stderr)
        .contains("--toolsets names 'notes', which is not a toolset of this DevHost.")
        .contains("Available: fs (")
        .doesNotContain("notes (");

    var flag = devhost(false, "tools", "--notes-write");
    assertThat(flag.exitCode).isEqualTo(2);
    assertThat(flag.stderr).contains("--notes-write");

    assertThat(devhost(true, "tools", "--help").stdout).contains("--notes-file=FILE");
    assertThat(devhost(false, "tools", "--help").stdout)
        .contains("--github-write")
        .doesNotContain("--notes-file");
  }

  private static String classPath(boolean withNotes) {
    return withNotes ? DEVHOST_JAR + File.pathSeparator + NOTES_JAR : DEVHOST_JAR;
  }

  /** An MCP client on a DevHost child process, closed with it. */
  private record Client(McpSyncClient mcp) implements AutoCloseable {
    @Override
    public void close() {
      mcp.closeGracefully();
    }
  }

  private Client client(List<String> args, Map<String, String> env) {
    var command = new ArrayList<>(List.of("-cp", classPath(true), "io.devhost.server.Main"));
    command.addAll(args);
    var params = ServerParameters.builder("java").args(command).env(env).build();
    var transport =
        new StdioClientTransport(params, new JacksonMcpJsonMapper(JsonMapper.builder().build()));
    var client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(60))
            .initializationTimeout(Duration.ofSeconds(120))
            .build();
    client.initialize();
    return new Client(client);
  }

  private static List<String> toolNames(McpSyncClient client) {
    return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
  }

  private static McpSchema.Tool tool(McpSyncClient client, String name) {
    return client.listTools().tools().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static McpSchema.CallToolResult call(
      McpSyncClient client, String tool, Map<String, Object> args) {
    return client.callTool(new McpSchema.CallToolRequest(tool, args));
  }

  private static String text(McpSchema.CallToolResult result) {
    return result.content().stream()
        .filter(McpSchema.TextContent.class::isInstance)
        .map(c -> ((McpSchema.TextContent) c).text())
        .findFirst()
        .orElse("");
  }

  private record Run(int exitCode, String stdout, String stderr) {}

  private Run devhost(boolean withNotes, String... args) throws IOException, InterruptedException {
    var command =
        new ArrayList<>(List.of("java", "-cp", classPath(withNotes), "io.devhost.server.Main"));
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    var process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    process.getOutputStream().close();
    assertThat(process.waitFor(120, TimeUnit.SECONDS))
        .as("devhost %s exits", List.of(args))
        .isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}

package io.devhost.server.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the scripting examples in examples/scripts exactly as the user would, against the built jar
 * and the demo shop ({@code --demo}): the shell script with {@code devhost call}, and the MCP SDK
 * client program with the jar as its classpath.
 */
class ScriptExamplesIT {

  @TempDir static Path home;
  private static Path jar;

  @BeforeAll
  static void findJar() {
    jar = Path.of(System.getProperty("devhost.jar", "target/devhost.jar")).toAbsolutePath();
    assertThat(jar).as("built by ./mvnw verify").isRegularFile();
  }

  @Test
  void shellScriptListsReadsLogsQueriesAndReportsARefusedCall() throws Exception {
    Path audit = home.resolve("call-audit.jsonl");
    var result =
        run(
            List.of("sh", Path.of("../examples/scripts/devhost-call.sh").toString()),
            Map.of(
                "DEVHOST",
                java() + " -jar " + jar,
                "DEVHOST_DB_DATA_DIR",
                dataDir(),
                "DEVHOST_AUDIT_LOG",
                audit.toString()));
    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("read_text_file", "git_log", "query")
        .contains("== the first lines of README.md\n# ")
        .contains("\"subject\" : ", "\"author\" : ")
        .containsPattern("\"rows\" : \\[ \\[ \"[^\"]+\", \\d+ \\]")
        .contains("exit status 1: devhost: read_text_file failed: Access denied: /etc/hostname");
    // Every devhost call of the script, the refused one included, is in the audit log.
    assertThat(Files.readAllLines(audit))
        .isNotEmpty()
        .allMatch(line -> line.contains("\"transport\":\"cli\""))
        .anyMatch(line -> line.contains("\"tool\":\"git_log\""))
        .anyMatch(
            line ->
                line.contains("\"tool\":\"read_text_file\"")
                    && line.contains("\"errorKind\":\"DENIED\""));
  }

  @Test
  void sdkClientProgramConnectsListsCallsQueriesAndSeesAToolError() throws Exception {
    var command = new ArrayList<String>();
    command.addAll(
        List.of(java(), "-cp", jar.toString(), "../examples/scripts/McpStdioClient.java"));
    command.addAll(
        List.of(
            java(),
            "-jar",
            jar.toString(),
            "serve",
            "--stdio",
            "--demo",
            "--db-data-dir",
            dataDir()));
    var result = run(command, Map.of());
    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("connected to devhost ")
        .contains("tool read_text_file (read-only): Read a text file")
        .contains("README.md starts with: # ")
        .containsPattern("allowed directories: \\[\\S+/shop\\]")
        .contains("orders by status: [[paid, 3500], [pending, 1000], [shipped, 5000]]")
        .contains("refused call: isError=true, message: Access denied");
  }

  private static String dataDir() {
    return home.resolve("demo-postgres").toString();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private record Result(int exit, String output) {}

  /** Runs a command with stdout and stderr merged, as a user would see them in a terminal. */
  private static Result run(List<String> command, Map<String, String> env) throws Exception {
    var pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Path output = Files.createTempFile("example", ".txt");
    pb.redirectOutput(output.toFile());
    Process process = pb.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
    try {
      return new Result(process.exitValue(), Files.readString(output));
    } finally {
      Files.delete(output);
    }
  }
}

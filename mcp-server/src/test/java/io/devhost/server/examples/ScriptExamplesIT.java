package io.devhost.server.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the scripting examples in examples/scripts exactly as the user would, against the built jar
 * and a small git project: the shell script with {@code devhost call}, and the MCP SDK client
 * program with the jar as its classpath.
 */
class ScriptExamplesIT {

  @TempDir static Path project;
  private static Path jar;

  @BeforeAll
  static void makeProject() throws Exception {
    jar = Path.of(System.getProperty("devhost.jar", "target/devhost.jar")).toAbsolutePath();
    assertThat(jar).as("built by ./mvnw verify").isRegularFile();
    Files.writeString(project.resolve("README.md"), "# Shop\nOrders and customers.\nMore.\nEnd.\n");
    try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern("README.md").call();
      commit(git, "Initial import", "Ada", "ada@example.com");
      Files.writeString(project.resolve("orders.sql"), "select * from orders;\n");
      git.add().addFilepattern("orders.sql").call();
      commit(git, "Add the orders query", "Grace", "grace@example.com");
    }
  }

  @Test
  void shellScriptListsReadsLogsAndReportsARefusedCall() throws Exception {
    var result =
        run(
            List.of(
                "sh",
                Path.of("../examples/scripts/devhost-call.sh").toString(),
                project.toString()),
            Map.of("DEVHOST", java() + " -jar " + jar));
    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("read_text_file", "git_log")
        .contains("# Shop\nOrders and customers.\nMore.")
        .contains("\"subject\" : \"Add the orders query\"", "\"author\" : \"Grace\"")
        .contains("exit status 1: devhost: read_text_file failed: Access denied: /etc/hostname");
  }

  @Test
  void sdkClientProgramConnectsListsCallsAndSeesAToolError() throws Exception {
    var command = new ArrayList<String>();
    command.addAll(
        List.of(java(), "-cp", jar.toString(), "../examples/scripts/McpStdioClient.java"));
    command.addAll(
        List.of(java(), "-jar", jar.toString(), "serve", "--stdio", "--roots", project.toString()));
    var result = run(command, Map.of());
    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("connected to devhost ")
        .contains("tool read_text_file (read-only): Read a text file")
        .contains("README.md starts with: # Shop\nOrders and customers.\nMore.")
        .contains("allowed directories: [" + project.toRealPath() + "]")
        .contains("refused call: isError=true, message: Access denied");
  }

  private static void commit(Git git, String message, String name, String email) throws Exception {
    var who = new PersonIdent(name, email);
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
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

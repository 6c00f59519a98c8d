package io.devhost.server.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution tarball works on a machine without a JDK: unpacked into a fresh directory, its
 * {@code bin/devhost} runs with JAVA_HOME unset and a PATH that holds only the few shell tools the
 * launcher uses (no java). Built by {@code ./mvnw -Pdist verify}, which also makes this test
 * mandatory; in a plain {@code verify} it is skipped when there is no tarball.
 */
class DistributionIT {

  /** Shell tools bin/devhost and the archive training script call; nothing else is on PATH. */
  private static final List<String> SHELL_TOOLS =
      List.of("sh", "readlink", "mktemp", "rm", "mv", "cat");

  @TempDir static Path work;
  private static Path home;
  private static Path pathDir;

  @BeforeAll
  static void unpack() throws Exception {
    Path tarball = LauncherRuns.builtDistribution("devhost.dist", "distribution tarball");
    Path unpacked = Files.createDirectories(work.resolve("opt"));
    run(List.of("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()), System.getenv());
    String name = tarball.getFileName().toString().replaceFirst("\\.tar\\.gz$", "");
    home = unpacked.resolve(name);
    pathDir = LauncherRuns.pathWith(work.resolve("path"), SHELL_TOOLS);
  }

  @Test
  void tarballHoldsTheRuntimeTheJarTheArchiveTheLauncherAndTheLicence() {
    assertThat(home.resolve("bin/devhost")).isExecutable();
    assertThat(home.resolve("runtime/bin/java")).isExecutable();
    assertThat(home.resolve("runtime/lib/server/classes.jsa")).isRegularFile();
    assertThat(home.resolve("lib/devhost.jar")).isRegularFile();
    assertThat(home.resolve("lib/devhost.jsa")).isRegularFile();
    assertThat(home.resolve("LICENSE")).content().contains("Apache License");
    assertThat(home.resolve("runtime/include")).doesNotExist();
  }

  @Test
  void theJarKeepsOnlyTheLinuxX64Natives() throws Exception {
    try (var jar = new JarFile(home.resolve("lib/devhost.jar").toFile())) {
      var names = jar.stream().map(JarEntry::getName).toList();
      assertThat(names)
          .contains(
              "postgres-linux-x86_64.txz",
              "de/kherud/llama/Linux/x86_64/libjllama.so",
              "io/devhost/server/Main.class")
          .noneMatch(n -> n.startsWith("postgres-darwin") || n.startsWith("postgres-windows"))
          .noneMatch(n -> n.startsWith("de/kherud/llama/Mac/"));
    }
  }

  @Test
  void versionRunsWithoutAJdkOnThePath() throws Exception {
    var result = run(List.of(home.resolve("bin/devhost").toString(), "--version"), noJdkEnv());
    assertThat(result.stdout()).matches("devhost \\d+\\.\\d+\\.\\d+\\S*\\n");
    assertThat(home.resolve("lib/devhost.jsa.path"))
        .as("the launcher remade the start-up archive for the unpacked location")
        .content()
        .isEqualTo(home.toRealPath().resolve("lib/devhost.jar") + "\n");
  }

  @Test
  void theDemoTourRunsOnTheBundledRuntime() throws Exception {
    var result =
        run(
            List.of(home.resolve("bin/devhost").toString(), "demo", "--tour-only", "--port", "0"),
            noJdkEnv());
    assertThat(result.stdout())
        .contains("Connected to devhost")
        .contains("> git_log", "Maria Keller")
        .contains("> query", "revenue")
        .contains("refused: Access denied: .env");
  }

  @Test
  void stdioSessionThroughALinkedLauncherAnswersInitializeListAndCall() throws Exception {
    Path project = Files.createDirectories(work.resolve("project"));
    Files.writeString(project.resolve("notes.txt"), "one\ntwo\nthree\n");
    Path link = Files.createDirectories(work.resolve("links")).resolve("devhost");
    Files.createSymbolicLink(link, home.resolve("bin/devhost"));

    var pb = new ProcessBuilder(link.toString(), "serve", "--stdio", "--roots", project.toString());
    pb.environment().clear();
    pb.environment().putAll(noJdkEnv());
    pb.directory(project.toFile());
    pb.redirectError(work.resolve("stdio-stderr.txt").toFile());
    Process server = pb.start();
    try (OutputStream in = server.getOutputStream();
        var out =
            new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      send(in, request(1, "initialize", INIT_PARAMS));
      Map<String, Object> init = result(out.readLine());
      assertThat(init).containsEntry("protocolVersion", "2025-11-25");
      assertThat(init.get("serverInfo").toString()).contains("devhost");

      send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      send(in, request(2, "tools/list", "{}"));
      assertThat(result(out.readLine()).get("tools").toString()).contains("read_text_file");

      send(
          in,
          request(
              3,
              "tools/call",
              "{\"name\":\"read_text_file\",\"arguments\":{\"path\":\"notes.txt\",\"head\":2}}"));
      Map<String, Object> call = result(out.readLine());
      assertThat(call).doesNotContainEntry("isError", true);
      assertThat(call.get("structuredContent").toString()).contains("one\ntwo");

      in.close();
      assertThat(out.readLine()).as("stdout holds nothing but the responses").isNull();
    }
    assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).isZero();
  }

  private static final String INIT_PARAMS =
      "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
          + "\"clientInfo\":{\"name\":\"dist-it\",\"version\":\"1\"}}";

  private static String request(int id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\""
        + method
        + "\",\"params\":"
        + params
        + "}";
  }

  private static void send(OutputStream in, String line) throws IOException {
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> result(String line) {
    assertThat(line).as("a JSON-RPC response line").isNotNull();
    Map<String, Object> message = Json.MAPPER.readValue(line, Map.class);
    assertThat(message).as(line).containsKey("result");
    return (Map<String, Object>) message.get("result");
  }

  /** No JAVA_HOME, and a PATH on which no java can be found. */
  private static Map<String, String> noJdkEnv() {
    return Map.of("PATH", pathDir.toString(), "HOME", work.toString());
  }

  private static LauncherRuns.Result run(List<String> command, Map<String, String> env)
      throws Exception {
    return LauncherRuns.runOk(work, command, env);
  }
}

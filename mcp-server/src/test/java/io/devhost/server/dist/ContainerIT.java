package io.devhost.server.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The container image (deploy/container) built by its own build.sh and run under podman as users
 * run it: read-only root file system, the project mounted at /workspace, stdio through {@code
 * podman run -i} and HTTP through a published port with the token from a secret, each with the
 * SDK's client. Runs where podman is installed (CI installs it, see .ci/run); skipped otherwise, or
 * with -Ddevhost.container.skip=true.
 */
class ContainerIT {

  private static final String IMAGE = "localhost/devhost:it";
  private static final Path DEPLOY = Path.of("../deploy/container").toAbsolutePath().normalize();

  @TempDir static Path work;
  private static Path project;
  private static Map<String, String> env;

  @BeforeAll
  static void buildImage() throws Exception {
    assumeThat(Boolean.getBoolean("devhost.container.skip"))
        .as("-Ddevhost.container.skip=true")
        .isFalse();
    assumeThat(onPath("podman"))
        .as("podman is not installed; CI installs it (.ci/run), see docs/deploy.md")
        .isTrue();
    env = new HashMap<>(System.getenv());
    env.put("CONTAINERS_CONF", DEPLOY.resolve("containers.conf").toString());
    var built =
        LauncherRuns.run(work, List.of("sh", DEPLOY.resolve("build.sh").toString(), IMAGE), env);
    assertThat(built.exit()).as("build.sh: %s", built.stderr()).isZero();
    project = Files.createDirectories(work.resolve("project"));
    Files.writeString(project.resolve("notes.txt"), "one\ntwo\nthree\n");
    // The container's user (uid 10001) reads the project through the bind mount.
    LauncherRuns.runOk(work, List.of("chmod", "-R", "a+rwX", work.toString()), env);
  }

  @Test
  void stdioSessionThroughPodmanRunWithAReadOnlyRoot() {
    var params =
        ServerParameters.builder("podman")
            .args("run", "-i", "--rm", "--read-only", "-v", project + ":/workspace", IMAGE)
            .env(Map.of("CONTAINERS_CONF", env.get("CONTAINERS_CONF")))
            .build();
    var client =
        McpClient.sync(
                new StdioClientTransport(
                    params, new JacksonMcpJsonMapper(JsonMapper.builder().build())))
            .requestTimeout(Duration.ofSeconds(60))
            .initializationTimeout(Duration.ofSeconds(120))
            .build();
    try {
      client.initialize();
      assertReadsTheWorkspace(client);
    } finally {
      client.closeGracefully();
    }
  }

  @Test
  void httpSessionThroughAPublishedPortWithTheTokenFromASecret() throws Exception {
    String token = UUID.randomUUID().toString();
    String secret = "devhost_token_" + UUID.randomUUID().toString().substring(0, 8);
    String name = "devhost-it-" + UUID.randomUUID().toString().substring(0, 8);
    Path tokenFile = Files.writeString(work.resolve("token.txt"), token + "\n");
    int port = freePort();
    podman("secret", "create", secret, tokenFile.toString());
    try {
      podman(
          "run",
          "-d",
          "--rm",
          "--read-only",
          "--name",
          name,
          "-p",
          "127.0.0.1:" + port + ":8808",
          "-v",
          project + ":/workspace",
          "--secret",
          secret + ",target=/secrets/devhost_token",
          IMAGE,
          "serve",
          "--http",
          "--bind",
          "0.0.0.0");
      URI base = URI.create("http://127.0.0.1:" + port);
      awaitHealthy(base.resolve("/healthz"));
      assertThat(podmanExit("healthcheck", "run", name)).as("the image's HEALTHCHECK").isZero();

      var http = HttpClient.newHttpClient();
      var anonymous =
          http.send(
              HttpRequest.newBuilder(base.resolve("/mcp"))
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .header("Content-Type", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      assertThat(anonymous.statusCode()).as("a request without the token").isEqualTo(401);

      var transport =
          HttpClientStreamableHttpTransport.builder(base.toString())
              .endpoint("/mcp")
              .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
              .build();
      try (var client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build()) {
        client.initialize();
        assertReadsTheWorkspace(client);
      }
    } finally {
      podmanExit("rm", "-f", "-t", "2", name);
      podmanExit("secret", "rm", secret);
    }
  }

  @Test
  void withoutAMountedWorkspaceItSaysHowToMountOne() throws Exception {
    var result =
        LauncherRuns.run(work, List.of("podman", "run", "-i", "--rm", "--read-only", IMAGE), env);
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr())
        .contains("nothing is mounted at /workspace")
        .contains("-v \"$PWD:/workspace\"");
  }

  @Test
  void runsAsANonRootUser() throws Exception {
    var result =
        LauncherRuns.runOk(
            work, List.of("podman", "run", "--rm", "--entrypoint", "id", IMAGE, "-u"), env);
    assertThat(result.stdout().trim()).isEqualTo("10001");
  }

  private static void assertReadsTheWorkspace(McpSyncClient client) {
    var read =
        client.callTool(
            new McpSchema.CallToolRequest(
                "read_text_file", Map.of("path", "notes.txt", "head", 2)));
    assertThat(read.isError()).as("%s", read.content()).isNotEqualTo(Boolean.TRUE);
    assertThat(read.structuredContent().toString()).contains("one\ntwo");
    var roots =
        client.callTool(new McpSchema.CallToolRequest("list_allowed_directories", Map.of()));
    assertThat(roots.content().toString()).contains("/workspace");
  }

  private static void awaitHealthy(URI healthz) throws Exception {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      try {
        var response =
            http.send(
                HttpRequest.newBuilder(healthz).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // the server is still starting
      }
      assertThat(System.nanoTime()).as("%s answered 200 within 90 s", healthz).isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  private static void podman(String... args) throws Exception {
    var command = new ArrayList<String>(List.of("podman"));
    command.addAll(List.of(args));
    LauncherRuns.runOk(work, command, env);
  }

  private static int podmanExit(String... args) throws Exception {
    var command = new ArrayList<String>(List.of("podman"));
    command.addAll(List.of(args));
    return LauncherRuns.run(work, command, env).exit();
  }

  private static int freePort() throws Exception {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}

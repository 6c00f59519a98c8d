package io.devhost.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code devhost serve --http} as a user runs it: the built jar in its own process. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeHttpIT {

  private static final Pattern SERVING = Pattern.compile("devhost: serving MCP at (http\\S+)");
  private static final String TOKEN = "it-token-0123456789abcdef0123";

  @TempDir Path dir;

  private Process devhost(String... args) throws Exception {
    var command = new ArrayList<>(List.of("java", "-jar", System.getProperty("devhost.jar")));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
  }

  private static BufferedReader outputOf(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  private static String awaitUrl(BufferedReader reader, List<String> output) throws Exception {
    String line;
    while ((line = reader.readLine()) != null) {
      output.add(line);
      var m = SERVING.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
    }
    throw new AssertionError("server never said where it serves: " + output);
  }

  @Test
  void servesOverHttpWithATokenFileAndStopsCleanlyOnSigterm() throws Exception {
    Files.writeString(dir.resolve("hello.txt"), "hi\n");
    Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
    var process =
        devhost(
            "serve",
            "--http",
            "--port",
            "0",
            "--token-file",
            tokenFile.toString(),
            "--roots",
            dir.toString(),
            "--audit-log",
            dir.resolve("audit.jsonl").toString());
    var output = new ArrayList<String>();
    var reader = outputOf(process);
    try {
      URI url = URI.create(awaitUrl(reader, output));
      var transport =
          HttpClientStreamableHttpTransport.builder(url.resolve("/").toString())
              .endpoint("/mcp")
              .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + TOKEN))
              .build();
      try (var client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build()) {
        client.initialize();
        var result =
            client.callTool(
                new McpSchema.CallToolRequest("read_text_file", Map.of("path", "hello.txt")));
        assertThat(result.isError()).isFalse();
      }

      // SIGTERM through the handle: Process.destroy() would also close our end of the pipes.
      process.toHandle().destroy();

      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      output.addAll(
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .toList());
      assertThat(String.join("\n", output)).doesNotContain("Exception").doesNotContain(TOKEN);
      assertThat(Files.readString(dir.resolve("audit.jsonl"))).contains("read_text_file");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void refusesANonLoopbackBindWithoutATokenAndSaysWhy() throws Exception {
    var process = devhost("serve", "--http", "--port", "0", "--bind", "0.0.0.0");

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(out).contains("without a bearer token").doesNotContain("Exception");
  }

  @Test
  void servesStdioAndHttpFromOneProcess() throws Exception {
    var command =
        List.of(
            "java",
            "-jar",
            System.getProperty("devhost.jar"),
            "serve",
            "--http",
            "--stdio",
            "--port",
            "0",
            "--roots",
            dir.toString(),
            "--audit-log",
            dir.resolve("audit.jsonl").toString());
    var process = new ProcessBuilder(command).directory(dir.toFile()).start();
    try {
      var stderr =
          new BufferedReader(
              new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
      URI url = URI.create(awaitUrl(stderr, new ArrayList<>()));
      var stdout =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));

      process
          .getOutputStream()
          .write(
              ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                      + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                      + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}\n")
                  .getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().flush();
      String reply = stdout.readLine();
      var health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(url.resolve("/healthz")).build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(reply).contains("\"serverInfo\"").contains("devhost");
      assertThat(health.statusCode()).isEqualTo(200);
    } finally {
      process.destroyForcibly();
    }
  }
}

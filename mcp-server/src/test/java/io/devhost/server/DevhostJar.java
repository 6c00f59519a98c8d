package io.devhost.server;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Locates the built {@code devhost.jar} and the command line that runs it. */
final class DevhostJar {

  private DevhostJar() {}

  static Path path() {
    String configured = System.getProperty("devhost.jar", "target/devhost.jar");
    Path jar = Path.of(configured).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "devhost.jar not found at " + jar + "; run the integration tests with ./mvnw verify");
    }
    return jar;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The SDK's own stdio client on {@code java -jar devhost.jar ARGS...}, not yet initialized. */
  static McpSyncClient stdioClient(String... args) {
    var params =
        ServerParameters.builder(java()).args(command(args).subList(1, args.length + 3)).build();
    var mapper = new JacksonMcpJsonMapper(JsonMapper.builder().build());
    return McpClient.sync(new StdioClientTransport(params, mapper))
        .requestTimeout(Duration.ofSeconds(60))
        .initializationTimeout(Duration.ofSeconds(60))
        .build();
  }

  /** {@code java -jar devhost.jar ARGS...}. */
  static List<String> command(String... args) {
    var cmd = new ArrayList<String>();
    cmd.add(java());
    cmd.add("-jar");
    cmd.add(path().toString());
    cmd.addAll(List.of(args));
    return cmd;
  }
}

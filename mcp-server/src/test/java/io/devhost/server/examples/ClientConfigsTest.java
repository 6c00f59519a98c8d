package io.devhost.server.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The client configurations in examples/clients parse, start DevHost with options it really has,
 * and point HTTP clients at the documented endpoint with a bearer token.
 */
class ClientConfigsTest {

  static final Path CLIENTS = Path.of("../examples/clients");
  static final String HTTP_URL = "http://127.0.0.1:8808/mcp";

  /** The public URL of a shared DevHost behind an identity provider (docs/deploy.md). */
  static final String OAUTH_URL = "https://devhost.example.com/mcp";

  static final String CONTAINER_IMAGE = "localhost/devhost:dev";

  /** Every configuration a user is pointed to by examples/clients/README.md. */
  static List<String> configs() {
    return List.of(
        "claude-desktop/claude_desktop_config.json",
        "claude-desktop/claude_desktop_config.http.json",
        "claude-desktop/claude_desktop_config.macos.json",
        "claude-desktop/claude_desktop_config.windows.json",
        "claude-desktop/claude_desktop_config.container.json",
        "vscode/mcp.json",
        "vscode/mcp.http.json",
        "vscode/mcp.oauth.json",
        "vscode/mcp.container.json",
        "cursor/mcp.json",
        "cursor/mcp.http.json",
        "cursor/mcp.oauth.json",
        "continue/devhost.yaml",
        "continue/devhost-http.yaml",
        "goose/config.yaml",
        "goose/config.http.yaml",
        "inspector/inspector.json");
  }

  @Test
  void theFolderHoldsExactlyTheDocumentedConfigurations() throws IOException {
    try (Stream<Path> files = Files.walk(CLIENTS)) {
      var found =
          files
              .filter(Files::isRegularFile)
              .map(p -> CLIENTS.relativize(p).toString())
              .filter(name -> !name.equals("README.md"))
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(found).containsExactlyInAnyOrderElementsOf(configs());
    }
    String readme = Files.readString(CLIENTS.resolve("README.md"));
    configs().forEach(name -> assertThat(readme).contains(name));
  }

  @ParameterizedTest
  @MethodSource("configs")
  void configurationParsesAndStartsOrReachesDevhostCorrectly(String name) throws IOException {
    Map<String, Object> tree = parse(CLIENTS.resolve(name));
    var stdio = new ArrayList<Map<String, Object>>();
    var http = new ArrayList<Map<String, Object>>();
    collectServers(tree, stdio, http);
    assertThat(stdio.size() + http.size()).as("%s defines a server", name).isPositive();

    for (var server : stdio) {
      List<String> args = strings(server.get("args"));
      String command = String.valueOf(server.getOrDefault("command", server.get("cmd")));
      if (args.contains("mcp-remote")) {
        assertBridgedHttp(name, command, args, server);
        continue;
      }
      List<String> devhostArgs = devhostArgs(name, command, args);
      assertThat(devhostArgs).as("%s: args", name).startsWith("serve").contains("--stdio");
      DevhostCommandLines.assertParses(devhostArgs, name);
      if (name.contains("windows")) {
        assertWindowsPaths(name, server, devhostArgs);
      }
    }
    for (var server : http) {
      Object url = server.getOrDefault("url", server.get("uri"));
      if (name.contains("oauth")) {
        // The client signs in at the identity provider itself; a fixed token would bypass that.
        assertThat(url).as("%s: endpoint", name).isEqualTo(OAUTH_URL);
        assertThat(server).as("%s: no static headers", name).doesNotContainKey("headers");
        continue;
      }
      assertThat(url).as("%s: endpoint", name).isEqualTo(HTTP_URL);
      if (!name.startsWith("inspector/")) {
        assertThat(authorization(server))
            .as("%s: Authorization header", name)
            .matches("Bearer \\S.*");
      }
    }
    boolean wantsHttp =
        name.contains("http") || name.contains("oauth") || name.startsWith("inspector/");
    boolean hasHttp = !http.isEmpty() || stdio.stream().anyMatch(s -> isBridge(s));
    assertThat(hasHttp).as("%s configures HTTP", name).isEqualTo(wantsHttp);
  }

  @Test
  void everyDevhostCommandInTheReadmeUsesRealOptions() throws IOException {
    var commands = shellCommands(CLIENTS.resolve("README.md"));
    assertThat(commands).as("devhost command lines in the README").hasSizeGreaterThanOrEqualTo(3);
    commands.forEach(args -> DevhostCommandLines.assertParses(args, "examples/clients/README.md"));
  }

  /** The arguments after "devhost" of each shell line in the file's sh code blocks. */
  static List<List<String>> shellCommands(Path markdown) throws IOException {
    var commands = new ArrayList<List<String>>();
    boolean inShell = false;
    for (String line : Files.readAllLines(markdown)) {
      if (line.startsWith("```")) {
        inShell = !inShell && line.equals("```sh");
        continue;
      }
      if (!inShell || line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> words = DevhostCommandLines.words(line);
      for (int i = 0; i < words.size(); i++) {
        if (words.get(i).equals("devhost") || words.get(i).endsWith("/devhost")) {
          commands.add(words.subList(i + 1, words.size()));
          break;
        }
      }
    }
    return commands;
  }

  /**
   * The arguments DevHost itself gets from a stdio entry: the POSIX launcher directly, the Windows
   * launcher through {@code cmd /c} (Node-based clients cannot start a .cmd file themselves), or
   * the container image, whose default command is {@code serve --stdio}.
   */
  private static List<String> devhostArgs(String name, String command, List<String> args) {
    if (command.equals("cmd")) {
      assertThat(args).as("%s: cmd /c LAUNCHER", name).hasSizeGreaterThan(2);
      assertThat(args.get(0)).as(name).isEqualTo("/c");
      assertThat(args.get(1)).as("%s: launcher", name).endsWith("\\bin\\devhost.cmd");
      return args.subList(2, args.size());
    }
    if (command.equals("podman") || command.equals("docker")) {
      assertThat(args).as("%s: %s run", name, command).startsWith("run").contains("-i", "--rm");
      int image = args.indexOf(CONTAINER_IMAGE);
      assertThat(image).as("%s: image %s", name, CONTAINER_IMAGE).isPositive();
      int volume = args.indexOf("-v");
      assertThat(volume).as("%s: the project mounted with -v", name).isPositive();
      assertThat(args.get(volume + 1)).as("%s: mount", name).endsWith(":/workspace");
      List<String> given = args.subList(image + 1, args.size());
      assertThat(given).as("%s: the image serves /workspace", name).doesNotContain("--roots");
      return given.isEmpty() ? List.of("serve", "--stdio") : given;
    }
    assertThat(command).as("%s: command", name).endsWith("/devhost");
    return args;
  }

  /** Windows paths in JSON: drive letters and escaped backslashes, which parse to single ones. */
  private static void assertWindowsPaths(
      String name, Map<String, Object> server, List<String> args) {
    String root = args.get(args.indexOf("--roots") + 1);
    assertThat(root).as("%s: --roots", name).matches("[A-Z]:\\\\[^/]+");
    Map<?, ?> env = (Map<?, ?>) server.get("env");
    assertThat(String.valueOf(env.get("JAVA_HOME")))
        .as("%s: JAVA_HOME", name)
        .matches("[A-Z]:\\\\[^/]+");
  }

  private static void assertBridgedHttp(
      String name, String command, List<String> args, Map<String, Object> server) {
    assertThat(command).as("%s: mcp-remote runs with npx", name).isEqualTo("npx");
    assertThat(args).as("%s: mcp-remote endpoint", name).contains(HTTP_URL);
    int header = args.indexOf("--header");
    assertThat(header).as("%s: --header", name).isNotNegative();
    String value = args.get(header + 1);
    assertThat(value).startsWith("Authorization:");
    String auth = value.substring("Authorization:".length()).trim();
    if (auth.startsWith("${") && auth.endsWith("}")) {
      Map<?, ?> env = (Map<?, ?>) server.get("env");
      auth = String.valueOf(env.get(auth.substring(2, auth.length() - 1)));
    }
    assertThat(auth).as("%s: Authorization header", name).matches("Bearer \\S.*");
  }

  private static boolean isBridge(Map<String, Object> server) {
    return strings(server.get("args")).contains("mcp-remote");
  }

  /** Servers anywhere in the tree: a map with a command is stdio, one with a URL is HTTP. */
  @SuppressWarnings("unchecked")
  private static void collectServers(
      Object node, List<Map<String, Object>> stdio, List<Map<String, Object>> http) {
    if (node instanceof Map<?, ?> map) {
      if (map.containsKey("command") || map.containsKey("cmd")) {
        stdio.add((Map<String, Object>) map);
      } else if (map.containsKey("url") || map.containsKey("uri")) {
        http.add((Map<String, Object>) map);
      } else {
        map.values().forEach(v -> collectServers(v, stdio, http));
      }
    } else if (node instanceof List<?> list) {
      list.forEach(v -> collectServers(v, stdio, http));
    }
  }

  /** The Authorization header value wherever the client nests its headers. */
  private static String authorization(Object node) {
    if (node instanceof Map<?, ?> map) {
      if (map.get("Authorization") instanceof String value) {
        return value;
      }
      for (Object value : map.values()) {
        String found = authorization(value);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static List<String> strings(Object list) {
    if (!(list instanceof List<?> items)) {
      return List.of();
    }
    return items.stream().map(String::valueOf).toList();
  }

  private static Map<String, Object> parse(Path file) throws IOException {
    String text = Files.readString(file);
    var type = new TypeReference<Map<String, Object>>() {};
    return file.toString().endsWith(".json")
        ? Json.MAPPER.readValue(text, type)
        : new YAMLMapper().readValue(text, type);
  }
}

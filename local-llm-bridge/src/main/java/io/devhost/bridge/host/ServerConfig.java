package io.devhost.bridge.host;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One MCP server to connect to: a command to start (stdio) or a URL (Streamable HTTP or SSE). */
public sealed interface ServerConfig {

  /** The server's name in the config file; prefixes its tools when two servers clash. */
  String name();

  /** A server started as a child process, speaking MCP on its stdin/stdout. */
  record Stdio(String name, String command, List<String> args, Map<String, String> env, Path cwd)
      implements ServerConfig {
    public Stdio {
      args = List.copyOf(args);
      env = Map.copyOf(env);
    }
  }

  /** A server reached over HTTP; {@code sse} selects the legacy SSE transport. */
  record Http(String name, URI url, Map<String, String> headers, boolean sse)
      implements ServerConfig {
    public Http {
      headers = Map.copyOf(headers);
    }
  }

  /**
   * The same program as the running one, started again as a child with {@code args}: {@code java
   * -jar devhost.jar serve --stdio} from the jar, or the class path and main class when running
   * from a build tree (tests, IDE).
   */
  static Stdio sameProgram(String name, Class<?> mainClass, List<String> args) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    var command = new ArrayList<String>();
    Path location;
    try {
      location = Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("cannot locate the code of " + mainClass.getName(), e);
    }
    if (location.toString().endsWith(".jar")) {
      command.addAll(List.of("-jar", location.toString()));
    } else {
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
    }
    command.addAll(args);
    return new Stdio(name, java, command, Map.of(), null);
  }
}

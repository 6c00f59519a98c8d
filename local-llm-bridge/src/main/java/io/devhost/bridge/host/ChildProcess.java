package io.devhost.bridge.host;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stdio server's process, started here rather than in an SDK transport so that the era probe and
 * the connection that follows share it: the command in its working directory with its environment,
 * stderr drained to the debug log.
 */
final class ChildProcess {

  private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);

  private ChildProcess() {}

  static Process start(ServerConfig.Stdio server) {
    var command = new ArrayList<String>();
    command.add(server.command());
    command.addAll(server.args());
    var builder = new ProcessBuilder(command);
    builder.environment().putAll(environment(server));
    if (server.cwd() != null) {
      builder.directory(server.cwd().toFile());
    }
    Process child;
    try {
      child = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + server.command() + ": " + e.getMessage(), e);
    }
    var drain =
        new Thread(
            () -> {
              try (var err =
                  new BufferedReader(
                      new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                err.lines().forEach(line -> LOG.debug("[{}] {}", server.name(), line));
              } catch (IOException | UncheckedIOException e) {
                LOG.debug("[{}] stderr closed", server.name());
              }
            },
            "mcp-stderr-" + server.name());
    drain.setDaemon(true);
    drain.start();
    return child;
  }

  /** This process's environment with the server's own variables over it. */
  static Map<String, String> environment(ServerConfig.Stdio server) {
    var env = new HashMap<>(System.getenv());
    env.putAll(server.env());
    return env;
  }

  /**
   * One line of a server's output, read byte by byte so that nothing past the newline is consumed
   * (the next reader of the stream starts at the next message); null at the end of the output.
   */
  static String readLine(InputStream out) {
    var bytes = new ByteArrayOutputStream();
    try {
      int b;
      while ((b = out.read()) != -1) {
        if (b == '\n') {
          return bytes.toString(StandardCharsets.UTF_8);
        }
        bytes.write(b);
      }
    } catch (IOException e) {
      return null;
    }
    return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Closes stdin, which asks the server to exit; one that does not within five seconds is ended.
   */
  static void stop(Process child) {
    try {
      child.getOutputStream().close();
    } catch (IOException e) {
      LOG.debug("closing a server's stdin failed", e);
    }
    try {
      if (!child.waitFor(5, TimeUnit.SECONDS)) {
        child.destroy();
        if (!child.waitFor(5, TimeUnit.SECONDS)) {
          child.destroyForcibly().waitFor();
        }
      }
    } catch (InterruptedException e) {
      child.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

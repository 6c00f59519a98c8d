package io.devhost.server.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real HAProxy (Debian package) running a configuration file, in the foreground. */
public final class HaproxyFront implements AutoCloseable {

  public static final Path EXECUTABLE = Path.of("/usr/sbin/haproxy");

  private final Process process;

  private HaproxyFront(Process process) {
    this.process = process;
  }

  /**
   * Starts HAProxy on {@code config}, whose {@code "${NAME}"} strings come from {@code
   * environment}, and waits until it accepts connections on {@code port}.
   */
  public static HaproxyFront start(Path config, Map<String, String> environment, int port, Path log)
      throws Exception {
    var builder =
        new ProcessBuilder(EXECUTABLE.toString(), "-db", "-f", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    var front = new HaproxyFront(builder.start());
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try (var socket = new Socket("127.0.0.1", port)) {
        return front;
      } catch (IOException notYet) {
        if (!front.process.isAlive()) {
          throw new AssertionError("haproxy exited: " + Files.readString(log));
        }
        Thread.sleep(50);
      }
    }
    front.close();
    throw new AssertionError("haproxy did not listen on " + port + ": " + Files.readString(log));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}

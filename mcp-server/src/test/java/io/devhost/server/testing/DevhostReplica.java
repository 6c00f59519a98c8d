package io.devhost.server.testing;

import io.devhost.core.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;

/**
 * One {@code devhost serve --http --audit-stdout} process from the built jar (system property
 * {@code devhost.jar}), named by {@code --replica-id}, with its stdout gathered line by line the
 * way a log collector gathers a container's.
 */
public final class DevhostReplica implements AutoCloseable {

  private static final Pattern SERVING =
      Pattern.compile("devhost: serving MCP at http://[^:]+:(\\d+)/");
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final String name;
  private final Process process;
  private final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
  private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
  private final CompletableFuture<Integer> port = new CompletableFuture<>();

  private DevhostReplica(String name, Process process) {
    this.name = name;
    this.process = process;
    follow(process.getInputStream(), stdout::add);
    follow(
        process.getErrorStream(),
        line -> {
          stderr.add(line);
          var serving = SERVING.matcher(line);
          if (serving.find()) {
            port.complete(Integer.parseInt(serving.group(1)));
          }
        });
  }

  /** Starts the replica on a free port; {@link #awaitPort} waits until it serves. */
  public static DevhostReplica start(String name, Path workDir, List<String> serveArguments)
      throws IOException {
    var command =
        new ArrayList<>(
            List.of(
                "java",
                "-jar",
                System.getProperty("devhost.jar"),
                "serve",
                "--http",
                "--port",
                "0",
                "--audit-stdout",
                "--replica-id",
                name));
    command.addAll(serveArguments);
    return new DevhostReplica(
        name, new ProcessBuilder(command).directory(workDir.toFile()).start());
  }

  private void follow(InputStream stream, Consumer<String> lines) {
    var thread =
        new Thread(
            () -> {
              try (var reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  lines.accept(line);
                }
              } catch (IOException closed) {
                // The process ended.
              } finally {
                port.completeExceptionally(
                    new AssertionError(name + " stopped before serving: " + stderr));
              }
            },
            "replica-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  public String name() {
    return name;
  }

  public int awaitPort(Duration timeout) throws Exception {
    return port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The audit records this replica wrote on stdout so far, parsed. */
  public List<Map<String, Object>> stdoutRecords() {
    synchronized (stdout) {
      return stdout.stream().map(line -> Json.MAPPER.readValue(line, MAP)).toList();
    }
  }

  /** SIGKILL: no shutdown hook runs, connections drop mid-way, as when a machine dies. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new UncheckedIOException(new IOException(name + " survived SIGKILL"));
    }
  }

  /** SIGTERM through the handle (a graceful stop), then SIGKILL if it hangs. */
  @Override
  public void close() throws InterruptedException {
    process.toHandle().destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}

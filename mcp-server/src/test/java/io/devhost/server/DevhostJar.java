package io.devhost.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

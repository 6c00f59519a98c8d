package io.devhost.server.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a distribution's launcher the way a user's shell would on a bare machine: with exactly the
 * given environment, and a PATH made of links to the few shell tools the launchers need.
 */
final class LauncherRuns {

  private LauncherRuns() {}

  record Result(int exit, String stdout, String stderr) {}

  /**
   * The built distribution file that system property {@code property} names: required under the
   * dist profile (on by default), else the calling test class is skipped without it.
   */
  static Path builtDistribution(String property, String what) {
    Path file = Path.of(System.getProperty(property, "target/no-" + property));
    if (Boolean.getBoolean("devhost.dist.required")) {
      assertThat(file).as("the dist profile builds the %s", what).isRegularFile();
    }
    assumeThat(file).as("no %s; build it with ./mvnw -Pdist package", what).isRegularFile();
    return file;
  }

  /** A directory of links to {@code tools} (found in the usual system directories), for PATH. */
  static Path pathWith(Path dir, List<String> tools) throws Exception {
    Files.createDirectories(dir);
    for (String tool : tools) {
      Files.createSymbolicLink(dir.resolve(tool), which(tool));
    }
    return dir;
  }

  /** Runs {@code command} with only {@code env}, waits up to two minutes, and keeps its output. */
  static Result run(Path work, List<String> command, Map<String, String> env) throws Exception {
    var pb = new ProcessBuilder(command);
    pb.environment().clear();
    pb.environment().putAll(env);
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = pb.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** As {@link #run}, and the command must succeed. */
  static Result runOk(Path work, List<String> command, Map<String, String> env) throws Exception {
    var result = run(work, command, env);
    assertThat(result.exit()).as("%s: %s", command, result.stderr()).isZero();
    return result;
  }

  private static Path which(String tool) {
    for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(tool + " not found in /usr/bin, /bin or /usr/local/bin");
  }
}

package io.devhost.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.server.cli.DevhostCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags win over DEVHOST_* variables, which win over the config file; bad input is named. */
class LayeredConfigTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  @Test
  void configFileEnvironmentAndFlagsLayerInThatOrder() throws Exception {
    Path fromFile = Files.createDirectories(dir.resolve("from-file"));
    Path fromEnv = Files.createDirectories(dir.resolve("from-env"));
    Path fromFlag = Files.createDirectories(dir.resolve("from-flag"));
    Path config = dir.resolve("devhost.yaml");
    Files.writeString(config, "roots:\n  - " + fromFile + "\n");

    assertThat(run(Map.of(), "call", "list_allowed_directories", "--config", config.toString()))
        .isZero();
    assertThat(out.toString()).contains("from-file");

    out.reset();
    var env = Map.of("DEVHOST_ROOTS", fromEnv.toString());
    assertThat(run(env, "call", "list_allowed_directories", "--config", config.toString()))
        .isZero();
    assertThat(out.toString()).contains("from-env").doesNotContain("from-file");

    out.reset();
    assertThat(
            run(
                env,
                "call",
                "list_allowed_directories",
                "--config",
                config.toString(),
                "--roots",
                fromFlag.toString()))
        .isZero();
    assertThat(out.toString()).contains("from-flag").doesNotContain("from-env");
  }

  @Test
  void anUnknownConfigKeyIsNamed() throws Exception {
    Path config = dir.resolve("devhost.yaml");
    Files.writeString(config, "rots: [/tmp]\n");
    assertThat(run(Map.of(), "tools", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("unknown key 'rots'").contains("roots");
  }

  @Test
  void aKeyThatBelongsToAnotherCommandIsAccepted() throws Exception {
    Path config = dir.resolve("devhost.yaml");
    Files.writeString(config, "roots: [" + dir + "]\ntour-only: true\n");
    assertThat(run(Map.of(), "call", "list_allowed_directories", "--config", config.toString()))
        .as(err.toString())
        .isZero();
  }

  @Test
  void aBadValueFromTheEnvironmentNamesTheVariable() {
    assertThat(run(Map.of("DEVHOST_MAX_RESULT_BYTES", "lots"), "tools")).isEqualTo(2);
    assertThat(err.toString()).contains("--max-result-bytes").contains("DEVHOST_MAX_RESULT_BYTES");
  }

  @Test
  void excludedToolsAreNeitherListedNorCallable() {
    assertThat(run(Map.of(), "tools", "--exclude-tools", "read_*")).isZero();
    assertThat(out.toString()).contains("list_directory").doesNotContain("read_text_file");
    assertThat(
            run(
                Map.of(),
                "call",
                "read_text_file",
                "--exclude-tools",
                "read_*",
                "--args",
                "{\"path\":\"pom.xml\"}"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no tool named 'read_text_file'");
  }

  @Test
  void aToolErrorExitsWithOne() {
    assertThat(run(Map.of(), "call", "read_text_file", "--args", "{\"path\":\"/etc/passwd\"}"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("outside the allowed directories");
  }

  private static int run(Map<String, String> env, String... args) {
    return DevhostCommand.run(args, env);
  }
}

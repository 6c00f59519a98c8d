package io.devhost.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.server.policy.StateKey;
import io.devhost.server.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --state-key-file}: a file every replica shares, from a flag, {@code
 * DEVHOST_STATE_KEY_FILE} or devhost.yaml; a file that cannot serve as a key stops {@code serve}
 * with one message and exit code 2, before anything listens.
 */
class StateKeyOptionsTest {

  @TempDir Path dir;

  private Path keyFile(String content, String permissions) throws Exception {
    Path file = dir.resolve("state.key");
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  private static final String GOOD_KEY = "tP3dQm9yX1rLk8ZcV2bN7wJ4sH6gF0aE5uR1oI3pY8t=\n";

  @Test
  void aPrivateKeyFileIsReadWithoutItsTrailingNewline() throws Exception {
    var key = StateKey.load(keyFile(GOOD_KEY, "rw-------"));

    assertThat(key.bytes()).hasSize(GOOD_KEY.strip().length());
    assertThat(key.shared()).isTrue();
  }

  @Test
  void aGroupReadableKeyIsAcceptedAsKubernetesMountsIt() throws Exception {
    assertThat(StateKey.load(keyFile(GOOD_KEY, "r--r-----")).shared()).isTrue();
  }

  @Test
  void aGeneratedKeyIsNotShared() {
    assertThat(StateKey.generate().shared()).isFalse();
    assertThat(StateKey.generate().bytes()).isNotEqualTo(StateKey.generate().bytes());
  }

  @Test
  void aMissingFileStopsServe() {
    var run = CliRun.of("serve", "--state-key-file", dir.resolve("nope.key").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("nope.key: no such file").contains("openssl rand");
  }

  @Test
  void aShortKeyStopsServe() throws Exception {
    var run = CliRun.of("serve", "--state-key-file", keyFile("short\n", "rw-------").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("the key has 5 bytes; it needs at least 32");
  }

  @Test
  void aWorldReadableKeyStopsServe() throws Exception {
    Path file = keyFile(GOOD_KEY, "rw-r--r--");
    assertThatThrownBy(() -> StateKey.load(file)).hasMessageContaining("chmod 600");

    var run = CliRun.of("serve", "--state-key-file", file.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("any user on this machine can read it");
  }

  @Test
  void theEnvironmentAndTheConfigFileNameTheKeyFileToo() throws Exception {
    Path missing = dir.resolve("from-env.key");
    var fromEnv = CliRun.of(Map.of("DEVHOST_STATE_KEY_FILE", missing.toString()), "serve");
    assertThat(fromEnv.code()).isEqualTo(2);
    assertThat(fromEnv.err()).contains("from-env.key: no such file");

    Path config = dir.resolve("devhost.yaml");
    Files.writeString(config, "state-key-file: " + dir.resolve("from-yaml.key") + "\n");
    var fromYaml = CliRun.of("serve", "--config", config.toString());
    assertThat(fromYaml.code()).isEqualTo(2);
    assertThat(fromYaml.err()).contains("from-yaml.key: no such file");
  }
}

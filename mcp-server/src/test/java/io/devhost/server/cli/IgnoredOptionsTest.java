package io.devhost.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.server.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command refuses an option it would ignore, and says which commands take it, rather than
 * accepting it and doing nothing.
 */
class IgnoredOptionsTest {

  @TempDir Path dir;

  @Test
  void callRefusesRateLimitSinceOneCallHasNothingToLimit() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));

    var run =
        CliRun.of(
            "call",
            "write_file",
            "--rate-limit",
            "1",
            "--roots",
            root.toString(),
            "--audit-log",
            dir.resolve("audit.jsonl").toString(),
            "--args",
            "{\"path\":\"notes.txt\",\"content\":\"hello\"}");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains("call does not take --rate-limit")
        .contains("It is an option of serve, demo.")
        .contains("devhost call --help");
    assertThat(root.resolve("notes.txt")).doesNotExist();
    assertThat(dir.resolve("audit.jsonl")).doesNotExist();
  }

  @Test
  void toolsRefusesTheCallPolicyItNeverApplies() {
    for (String option : new String[] {"--confirm=never", "--tool-timeout=5", "--rate-limit=5"}) {
      var run = CliRun.of("tools", option, "--roots", dir.toString());

      assertThat(run.code()).as(option).isEqualTo(2);
      assertThat(run.out()).as(option).isEmpty();
      assertThat(run.err())
          .as(option)
          .contains("tools does not take " + option.split("=")[0])
          .contains("It is an option of serve, demo");
    }
  }

  @Test
  void toolsStillTakesTheVisibilityPolicy() {
    var run = CliRun.of("tools", "--read-only", "--roots", dir.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("read_text_file").doesNotContain("write_file");
  }

  @Test
  void aWrongOptionNoCommandTakesKeepsPicocliMessage() {
    var run = CliRun.of("tools", "--no-such-option", "--roots", dir.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option: '--no-such-option'");
  }
}

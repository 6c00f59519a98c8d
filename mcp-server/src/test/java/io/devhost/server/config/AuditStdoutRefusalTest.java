package io.devhost.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.server.testing.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit lines on stdout only where stdout carries nothing else. */
class AuditStdoutRefusalTest {

  @TempDir Path dir;

  /** The command with a root and an audit log of its own, so that nothing outside dir is used. */
  private CliRun run(String... args) {
    var all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of("--roots", dir.toString(), "--audit-log", dir.resolve("audit.jsonl").toString()));
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void serveOverStdioRefusesAuditLinesOnStdoutAndSaysWhatToDoInstead() {
    var run = run("serve", "--audit-stdout");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).as("stdout stays clean for the stdio transport").isEmpty();
    assertThat(run.err())
        .contains("--audit-stdout cannot be used here")
        .contains("MCP stdio transport")
        .contains("serve --http, without --stdio")
        .doesNotContain("Exception");
  }

  @Test
  void serveOverHttpAndStdioRefusesItToo() {
    var run = run("serve", "--http", "--stdio", "--port", "0", "--audit-stdout");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("MCP stdio transport");
  }

  @Test
  void callRefusesItSinceStdoutCarriesTheResult() {
    var run = run("call", "list_allowed_directories", "--audit-stdout");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("stdout carries the tool's result");
  }
}

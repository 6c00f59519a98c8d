package io.devhost.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.server.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit lines on stdout only where stdout carries nothing else. */
class AuditStdoutRefusalTest {

  @TempDir Path dir;

  @Test
  void serveOverStdioRefusesAuditLinesOnStdoutAndSaysWhatToDoInstead() {
    var run =
        CliRun.of(
            "serve",
            "--audit-stdout",
            "--roots",
            dir.toString(),
            "--audit-log",
            dir.resolve("audit.jsonl").toString());

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
    var run =
        CliRun.of(
            "serve",
            "--http",
            "--stdio",
            "--port",
            "0",
            "--audit-stdout",
            "--roots",
            dir.toString(),
            "--audit-log",
            dir.resolve("audit.jsonl").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("MCP stdio transport");
  }

  @Test
  void callRefusesItSinceStdoutCarriesTheResult() {
    var run =
        CliRun.of(
            "call",
            "list_allowed_directories",
            "--audit-stdout",
            "--roots",
            dir.toString(),
            "--audit-log",
            dir.resolve("audit.jsonl").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("stdout carries the tool's result");
  }
}

package io.devhost.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.audit.AuditRecord;
import io.devhost.core.audit.JsonlAuditLog;
import io.devhost.server.testing.CliRun;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTailTest {

  @TempDir Path dir;

  @Test
  void tailShowsTheLastCallsOneReadableLineEach() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    try (var log = new JsonlAuditLog(file, 1 << 20, 1)) {
      for (int i = 0; i < 5; i++) {
        log.record(
            new AuditRecord(
                Instant.parse("2026-11-24T01:00:0" + i + "Z"),
                "streamable-http",
                "0123456789abcdef",
                "vscode",
                "1.2",
                "tool_" + i,
                Map.of("path", "src/" + i),
                i == 4 ? "declined" : "allowed",
                3,
                120,
                i == 4 ? "DENIED" : null,
                "alice",
                "vscode-client",
                null));
      }
    }
    var run = CliRun.of("audit", "tail", "-n", "2", "--audit-log", file.toString());
    var lines = run.out().lines().toList();
    int code = run.code();
    assertThat(code).isZero();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("tool_3", "alice", "allowed", "ok", "vscode 1.2", "src/3");
    assertThat(lines.get(1)).contains("tool_4", "declined", "DENIED", "01234567…");
  }
}

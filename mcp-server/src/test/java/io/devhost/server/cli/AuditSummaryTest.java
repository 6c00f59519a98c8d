package io.devhost.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.bridge.changes.ChangeMonitor;
import io.devhost.bridge.changes.ChangeReview;
import io.devhost.bridge.changes.ProposedChange;
import io.devhost.bridge.changes.RuleSet;
import io.devhost.bridge.changes.UnifiedDiffs;
import io.devhost.bridge.planner.Decision;
import io.devhost.bridge.planner.ToolCallRecord;
import io.devhost.core.audit.JsonlAuditLog;
import io.devhost.server.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bridge's change digest in the audit log, and the per-session summary built from it. */
class AuditSummaryTest {

  @TempDir Path dir;

  private static ChangeReview review(String after) {
    String diff = UnifiedDiffs.of("config.py", "", after);
    var change =
        ProposedChange.ofDiff("devhost", "write_file", "config.py", ProposedChange.Kind.FILE, diff);
    return new ChangeReview(List.of(change), new ChangeMonitor(RuleSet.defaults()).screen(change));
  }

  @Test
  void summaryShowsReadsChangesFlagsAndPersonalDecisionsAndTheLogHoldsNoSecret() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    var t = Instant.parse("2026-12-05T10:00:00Z");
    try (var log = new BridgeAuditLog(new JsonlAuditLog(file, 1 << 20, 1))) {
      log.onToolCall(
          new ToolCallRecord(
              t,
              "devhost",
              "read_text_file",
              Map.of("path", "config.py"),
              Decision.READ_ONLY,
              2,
              40,
              null,
              null));
      log.onToolCall(
          new ToolCallRecord(
              t.plusSeconds(1),
              "devhost",
              "write_file",
              Map.of("path", "config.py"),
              Decision.REFUSED_FLAGGED,
              0,
              0,
              "refused: refused_flagged",
              review("DB_PASSWORD = \"Sh0p-pr0d-2025!\"\n")));
      log.onToolCall(
          new ToolCallRecord(
              t.plusSeconds(2),
              "devhost",
              "write_file",
              Map.of("path", "config.py"),
              Decision.APPROVED_BY_USER,
              3,
              10,
              null,
              review("DB_PASSWORD = os.environ[\"DB_PASSWORD\"]\n")));
    }

    String log = Files.readString(file);
    assertThat(log)
        .contains("\"change\":{\"flagged\":true")
        .contains(
            "\"category\":\"credentials\",\"rule\":\"hard-coded-secret\",\"file\":\"config.py\",\"line\":1")
        .contains("diffSha256")
        .doesNotContain("Sh0p-pr0d-2025!");

    var run = CliRun.of("audit", "summary", "--audit-log", file.toString());
    String summary = run.out();
    int code = run.code();
    assertThat(code).isZero();
    assertThat(summary)
        .contains("session bridge:devhost")
        .contains("3 calls")
        .contains("read_text_file config.py")
        .contains("write_file config.py -> refused_flagged")
        .contains("config.py:1 [credentials/hard-coded-secret] -> refused_flagged")
        .contains("write_file config.py -> approved_by_user");
  }
}

package io.devhost.bridge.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class JsonlToolCallLogTest {

  @TempDir Path dir;

  @Test
  void writesOneRedactedLinePerCall() throws Exception {
    Path file = dir.resolve("audit/bridge.jsonl");
    try (var log = new JsonlToolCallLog(file)) {
      log.onToolCall(
          new ToolCallRecord(
              Instant.parse("2026-11-24T01:00:00Z"),
              "db",
              "query",
              Map.of(
                  "sql", "select 1",
                  "password", "hunter2",
                  "url", "postgres://app:s3cret@db/prod",
                  "headers", Map.of("note", "Bearer abcdefghijkl"),
                  "keys", List.of("ghp_abcdefghijklmnopqrstuvwxyz0123")),
              Decision.READ_ONLY,
              12,
              345,
              null));
      log.onToolCall(
          new ToolCallRecord(
              Instant.now(), "db", "drop", Map.of(), Decision.REFUSED_BY_POLICY, 0, 0, "refused"));
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    var first = JsonMapper.builder().build().readTree(lines.get(0));
    assertThat(first.get("time").asString()).isEqualTo("2026-11-24T01:00:00Z");
    assertThat(first.get("decision").asString()).isEqualTo("read_only");
    assertThat(first.get("durationMs").asInt()).isEqualTo(12);
    assertThat(first.get("resultChars").asInt()).isEqualTo(345);
    String args = first.get("arguments").toString();
    assertThat(args).contains("select 1").contains("postgres://app:[redacted]@db/prod");
    assertThat(args)
        .doesNotContain("hunter2")
        .doesNotContain("s3cret")
        .doesNotContain("abcdefghijkl")
        .doesNotContain("ghp_");
    assertThat(lines.get(1)).contains("\"error\":\"refused\"");
  }
}

package io.devhost.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

class JsonlAuditStreamTest {

  private static AuditRecord record(String session, int i) {
    return new AuditRecord(
        Instant.parse("2026-12-05T22:00:00Z"),
        "http",
        session,
        "client",
        "1",
        "write_file",
        Map.of("path", "f" + i + ".txt"),
        "allowed",
        3,
        40,
        null,
        "alice",
        null,
        null);
  }

  @Test
  void concurrentCallsBecomeWholeJsonLinesNamingTheReplica() throws Exception {
    var out = new ByteArrayOutputStream();
    var stream = new JsonlAuditStream(out, "devhost-7c9f-x2");
    var pool = Executors.newFixedThreadPool(4);
    var futures = new ArrayList<Future<?>>();
    for (int t = 0; t < 4; t++) {
      String session = "s" + t;
      futures.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 100; i++) {
                  stream.record(record(session, i));
                }
              }));
    }
    for (var f : futures) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    stream.close();

    var lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(400);
    var type = new TypeReference<Map<String, Object>>() {};
    for (String line : lines) {
      assertThat(Json.MAPPER.readValue(line, type))
          .containsEntry("replica", "devhost-7c9f-x2")
          .containsEntry("tool", "write_file")
          .containsEntry("caller", "alice");
    }
  }

  @Test
  void aFileAndAStreamGetEveryRecordThroughAuditOutputs() throws Exception {
    var first = new ByteArrayOutputStream();
    var second = new ByteArrayOutputStream();
    try (var outputs =
        new AuditOutputs(
            java.util.List.of(
                new JsonlAuditStream(first, "a"), new JsonlAuditStream(second, null)))) {
      outputs.record(record("s", 1));
    }

    assertThat(first.toString(StandardCharsets.UTF_8)).contains("\"replica\":\"a\"");
    assertThat(second.toString(StandardCharsets.UTF_8))
        .contains("\"tool\":\"write_file\"")
        .doesNotContain("replica");
  }
}

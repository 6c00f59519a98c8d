package io.devhost.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

class JsonlAuditLogTest {

  @TempDir Path dir;

  private static AuditRecord record(String session, int i) {
    return new AuditRecord(
        Instant.now(),
        "test",
        session,
        "client",
        "1",
        "echo",
        Map.of("i", i),
        "allowed",
        1,
        10,
        null,
        "local",
        null,
        null);
  }

  private static List<String> allLines(Path dir) throws Exception {
    var lines = new ArrayList<String>();
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        lines.addAll(Files.readAllLines(f));
      }
    }
    return lines;
  }

  @Test
  void concurrentSessionsNeverInterleaveLines() throws Exception {
    var log = new JsonlAuditLog(dir.resolve("audit.jsonl"), 1 << 20, 3);
    var pool = Executors.newFixedThreadPool(8);
    var futures = new ArrayList<Future<?>>();
    for (int t = 0; t < 8; t++) {
      String session = "s" + t;
      futures.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 200; i++) {
                  log.record(record(session, i));
                }
              }));
    }
    for (var f : futures) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();

    var lines = Files.readAllLines(dir.resolve("audit.jsonl"));
    assertThat(lines).hasSize(1600);
    var type = new TypeReference<Map<String, Object>>() {};
    for (String line : lines) {
      assertThat(Json.MAPPER.readValue(line, type)).containsKeys("time", "session", "tool");
    }
  }

  @Test
  void rotatesBySizeAndKeepsTheConfiguredNumberOfFiles() throws Exception {
    var log = new JsonlAuditLog(dir.resolve("audit.jsonl"), 2048, 2);

    for (int i = 0; i < 100; i++) {
      log.record(record("s", i));
    }

    assertThat(Files.size(dir.resolve("audit.jsonl"))).isLessThanOrEqualTo(2048);
    assertThat(dir.resolve("audit.jsonl.1")).exists();
    assertThat(dir.resolve("audit.jsonl.2")).exists();
    assertThat(dir.resolve("audit.jsonl.3")).doesNotExist();
    var lines = allLines(dir);
    assertThat(lines.get(lines.size() - 1)).isNotEmpty();
  }

  @Test
  void theLogAndANewDirectoryForItAreReadableByTheOwnerOnly() throws Exception {
    Path file = dir.resolve("new-dir").resolve("audit.jsonl");
    var log = new JsonlAuditLog(file, 1 << 20, 1);

    log.record(record("s", 1));
    log.close();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
  }
}

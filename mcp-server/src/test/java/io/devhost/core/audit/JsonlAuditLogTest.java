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

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

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
      for (Path f : files.filter(f -> !f.toString().endsWith(".lock")).toList()) {
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

  @Test
  void eachLineNamesTheReplicaThatWroteIt() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    try (var log = new JsonlAuditLog(file, 1 << 20, 1, "pod-7")) {
      log.record(record("s", 1));
    }

    var line = Json.MAPPER.readValue(Files.readString(file), MAP);
    assertThat(line).containsEntry("replica", "pod-7").containsEntry("tool", "echo");
  }

  @Test
  void replicasSharingOneFileRotateItTogetherAndLoseNoLine() throws Exception {
    // Two logs of one file stand for two processes: each has its own channel and size view, and
    // the size limit forces many rotations while both write.
    Path file = dir.resolve("audit.jsonl");
    int perThread = 150;
    var replicas = List.of("one", "two");
    var pool = Executors.newFixedThreadPool(4);
    var futures = new ArrayList<Future<?>>();
    var logs = new ArrayList<JsonlAuditLog>();
    for (String replica : replicas) {
      var log = new JsonlAuditLog(file, 4096, 200, replica);
      logs.add(log);
      for (int t = 0; t < 2; t++) {
        String session = replica + "-" + t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    log.record(record(session, i));
                  }
                }));
      }
    }
    for (var f : futures) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    logs.forEach(JsonlAuditLog::close);

    var lines = allLines(dir).stream().filter(l -> !l.isEmpty()).toList();
    assertThat(dir.resolve("audit.jsonl.5")).as("it rotated many times").exists();
    assertThat(lines).hasSize(replicas.size() * 2 * perThread);
    var seen = new java.util.HashSet<String>();
    for (String line : lines) {
      var m = Json.MAPPER.readValue(line, MAP);
      assertThat(seen.add(m.get("session") + "/" + m.get("arguments"))).as(line).isTrue();
      assertThat(m.get("replica")).isIn("one", "two");
    }
    for (Path f : Files.list(dir).filter(f -> !f.toString().endsWith(".lock")).toList()) {
      assertThat(Files.size(f)).as("%s stays near the limit", f).isLessThan(4096 + 1024);
    }
  }
}

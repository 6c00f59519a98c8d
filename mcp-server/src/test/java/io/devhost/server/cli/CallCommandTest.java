package io.devhost.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.devhost.core.Json;
import io.devhost.server.testing.CliRun;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

/** {@code devhost call} takes the same pipeline as an MCP call: policy, time limit, audit. */
class CallCommandTest {

  @TempDir Path dir;

  @Test
  void aWriteLeavesAnAuditRecordNamingTheCommandLine() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    Path audit = dir.resolve("audit.jsonl");

    var run = writeNotes(root, audit);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(Files.readString(root.resolve("notes.txt"))).isEqualTo("hello");
    var record = onlyRecord(audit);
    assertThat(record)
        .containsEntry("transport", "cli")
        .containsEntry("caller", "local")
        .containsEntry("tool", "write_file")
        .containsEntry("decision", "client_approval");
    assertThat(record.get("errorKind")).isNull();
  }

  @Test
  void confirmAskRefusesAWriteAndNamesTheWayOut() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    Path audit = dir.resolve("audit.jsonl");

    var run = writeNotes(root, audit, "--confirm", "ask");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("write_file failed", "--confirm never");
    assertThat(root.resolve("notes.txt")).doesNotExist();
    assertThat(onlyRecord(audit))
        .containsEntry("decision", "denied")
        .containsEntry("errorKind", "DENIED");
  }

  @Test
  void readOnlyHidesWriteToolsFromCallAsFromServe() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));

    var run = writeNotes(root, dir.resolve("audit.jsonl"), "--read-only");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("no tool named 'write_file'").contains("read_text_file");
    assertThat(root.resolve("notes.txt")).doesNotExist();
  }

  @Test
  void aCallPastItsToolTimeoutIsStoppedWithTheTimeoutError() throws Exception {
    // A GitHub API that takes the request and never answers: only the tool timeout ends the call.
    var release = new CountDownLatch(1);
    var github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    github.createContext(
        "/",
        ex -> {
          try {
            release.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ex.close();
        });
    github.start();
    Path token = Files.writeString(dir.resolve("token"), "t0ken");
    Path audit = dir.resolve("audit.jsonl");
    try {
      long start = System.nanoTime();
      var run =
          CliRun.of(
              "call",
              "get_me",
              "--toolsets",
              "github",
              "--github-repos",
              "octo-org/app",
              "--github-api-url",
              "http://127.0.0.1:" + github.getAddress().getPort(),
              "--github-token-file",
              token.toString(),
              "--tool-timeout",
              "1",
              "--audit-log",
              audit.toString());
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err()).contains("get_me failed", "did not finish within 1 s");
      assertThat(seconds).isLessThan(20);
      assertThat(onlyRecord(audit))
          .containsEntry("transport", "cli")
          .containsEntry("errorKind", "TIMEOUT");
    } finally {
      release.countDown();
      github.stop(0);
    }
  }

  /** {@code devhost call write_file} of notes.txt under {@code root}, with extra options. */
  private static CliRun writeNotes(Path root, Path audit, String... options) {
    var args = new ArrayList<String>(List.of("call", "write_file"));
    args.addAll(List.of(options));
    args.addAll(
        List.of(
            "--roots",
            root.toString(),
            "--audit-log",
            audit.toString(),
            "--args",
            "{\"path\":\"notes.txt\",\"content\":\"hello\"}"));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static Map<String, Object> onlyRecord(Path audit) throws Exception {
    var type = new TypeReference<Map<String, Object>>() {};
    List<Map<String, Object>> records = new ArrayList<>();
    for (String line : Files.readAllLines(audit)) {
      records.add(Json.MAPPER.readValue(line, type));
    }
    assertThat(records).hasSize(1);
    return records.get(0);
  }
}

package io.devhost.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code devhost demo}, the README's run command: the built jar serves the demo over Streamable
 * HTTP and an MCP client tours it. With {@code --tour-only} it exits after the tour.
 */
class DemoCommandIT {

  @Test
  void theTourShowsFilesHistoryDatabaseAndTheRefusals(@TempDir Path home) throws Exception {
    var command = new ArrayList<>(List.of(DevhostJar.java(), "-jar", DevhostJar.path().toString()));
    command.addAll(
        List.of(
            "demo",
            "--tour-only",
            "--port",
            "0",
            "--db-data-dir",
            home.resolve("pg").toString(),
            "--audit-log",
            home.resolve("audit.jsonl").toString()));
    Path out = home.resolve("stdout.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(home.resolve("stderr.txt").toFile())
            .start();
    process.getOutputStream().close();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the tour finished").isTrue();
    String tour = Files.readString(out);
    assertThat(process.exitValue())
        .as("%s%n%s", tour, Files.readString(home.resolve("stderr.txt")))
        .isZero();
    assertThat(tour)
        .containsPattern("Connected to devhost \\S+ at http://127\\.0\\.0\\.1:\\d+/mcp")
        .contains("> list_directory", "README.md", "db")
        .contains("> git_log")
        .contains("> search_content", "full_name")
        .contains("> query", "revenue");
    assertThat(tour.split("refused: ", -1)).as("the secret and the DELETE are refused").hasSize(3);
    assertThat(tour).doesNotContain("DEMO-FAKE-SECRET");
    assertThat(Files.readString(home.resolve("audit.jsonl")))
        .as("the tour's calls are audited like any client's")
        .contains("\"tool\":\"git_log\"", "\"tool\":\"query\"");
  }
}

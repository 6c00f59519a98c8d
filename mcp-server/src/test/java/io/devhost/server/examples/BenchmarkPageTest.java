package io.devhost.server.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/bench/GenerateBenchmarksPage.java, which examples/bench/run.sh uses to regenerate
 * docs/benchmarks.md, turns recorded figures into the page: ratios and verdicts computed against
 * the targets, and an area or reference that did not run reported with its reason, never with an
 * invented figure. It runs on the fixture results in examples/bench/fixture; no benchmark runs
 * here.
 */
class BenchmarkPageTest {

  static final Path BENCH = Path.of("../examples/bench");

  static String page;

  @BeforeAll
  static void generateFromTheFixture(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("benchmarks.md");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process gen =
        new ProcessBuilder(
                java,
                BENCH.resolve("GenerateBenchmarksPage.java").toString(),
                BENCH.resolve("fixture").toString(),
                BENCH.resolve("benchmarks.md.template").toString(),
                out.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(gen.getInputStream().readAllBytes());
    assertThat(gen.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(gen.exitValue()).as(output).isZero();
    page = Files.readString(out);
  }

  @Test
  void theFixtureGivesExactlyTheReviewedPage() throws Exception {
    assertThat(page).isEqualTo(Files.readString(BENCH.resolve("fixture/expected.md")));
  }

  @Test
  void ratiosAndVerdictsAreComputedFromTheRecordedFigures() {
    assertThat(page)
        .contains(
            "| `SELECT 1` over MCP stdio, p50 | 1.015 ms"
                + " | reference `server-postgres`: 0.531 ms | 1.91× | ≤ reference | **no** |")
        .contains("| +0.269 ms (9.68×) | within 0.3 ms of JDBC | yes |")
        .contains(
            "| 31.7 ms | reference `server-postgres`: 13882.0 ms | 0.0023× (437.9× less)"
                + " | < 1 s (a capped page) | yes |");
  }

  @Test
  void aSkippedAreaIsReportedWithItsReasonAndGetsNoFigures() {
    assertThat(page)
        .contains("| `examples/bench/git.sh` | skipped: python3 is not installed |")
        .contains(
            "| default GitHub tool definitions (`tools/list`) | – | official GitHub MCP server,"
                + " 34k–80k tokens (figure from the issue; low end used) | – | well under a third"
                + " | not measured: git skipped: python3 is not installed |");
  }

  @Test
  void aMissingReferenceGetsNoRatioAndSaysWhy() {
    assertThat(page)
        .contains(
            "| Streamable HTTP throughput, 8 clients | 1549 calls/s"
                + " | reference `server-everything`: not measured | – | ≥ 5× reference"
                + " | not measured: reference skipped: npm could not install"
                + " @modelcontextprotocol/server-everything |");
  }

  @Test
  void recordedTextCannotBreakATableOrStartAnHtmlTag() {
    assertThat(page).contains("| missing &lt;/think> | 81 | 81 | – |");
  }

  @Test
  void aFailedScriptIsReportedWithItsLastLine() {
    assertThat(page).contains("| failed (exit 1): build mcp-server/target/devhost.jar first |");
  }
}

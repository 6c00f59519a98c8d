package io.devhost.bridge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.bridge.Bridge;
import io.devhost.bridge.BridgeConfig;
import io.devhost.bridge.changes.RuleSet;
import io.devhost.bridge.model.ModelOptions;
import io.devhost.bridge.model.Sampling;
import io.devhost.bridge.planner.ApprovalPolicy;
import io.devhost.bridge.planner.Budgets;
import io.devhost.bridge.planner.ToolCallListener;
import io.devhost.bridge.testing.ScriptedBackend;
import io.devhost.bridge.testing.TestServers;
import io.devhost.bridge.testing.Workspace;
import io.devhost.bridge.trust.TrustList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Size;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat on a JLine terminal fed from a script: commands, a task, and approvals typed in. */
class ChatLoopTest {

  @TempDir Path dir;

  @Test
  void runsCommandsAndTasksAndAsksForApprovalInTheTerminal() throws Exception {
    var model =
        ScriptedBackend.of(
            "Count first.</think>{\"tool\": \"count_rows\", \"arguments\": {\"table\": \"orders\"}}",
            "Now clean up as asked.</think>{\"tool\": \"run_sql\", \"arguments\": {\"sql\": \"DELETE FROM orders\"}}",
            "</think>{\"answer\": \"orders has 3 rows; the delete was refused.\"}");
    var typed = "/tools\nhow many orders, then delete them\nn\n/ledger\n/approve never\n/quit\n";
    var shown = new ByteArrayOutputStream();
    var config =
        new BridgeConfig(
            new ModelOptions(null, null, null, null, 1, 8192, 0, Duration.ofSeconds(5), Map.of()),
            List.of(TestServers.toolServer("proj", Workspace.create(dir))),
            dir,
            Budgets.DEFAULT,
            Sampling.R1,
            ApprovalPolicy.ASK,
            false,
            false,
            Duration.ofSeconds(30),
            TrustList.NONE,
            RuleSet.defaults());

    // The typed lines, then an input that stays open as a real terminal does (JLine reports an
    // input at its end as Ctrl-D even while lines are still buffered).
    var stillOpen = new PipedOutputStream();
    var input =
        new SequenceInputStream(
            new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
            new PipedInputStream(stillOpen));
    try (stillOpen;
        var terminal =
            TerminalBuilder.builder()
                .system(false)
                .streams(input, shown)
                .dumb(true)
                .size(new Size(160, 40))
                .build()) {
      var reader = LineReaderBuilder.builder().terminal(terminal).build();
      try (var bridge =
          Bridge.open(model, config, new ReaderConsole(reader), ToolCallListener.NONE)) {
        new ChatLoop(bridge, terminal, reader).run();
      }
    }

    String screen = shown.toString(StandardCharsets.UTF_8);
    assertThat(screen).contains("count_rows").contains("destructive");
    // DELETE without WHERE is flagged: the prompt shows why and the statement as a diff
    assertThat(screen)
        .contains("The change monitor FLAGGED")
        .contains("[destructive-sql/delete-or-update-everything] SQL:1")
        .contains("+DELETE FROM orders")
        .contains("Write it anyway? [y]es / [n]o:");
    assertThat(screen).contains("orders has 3 rows; the delete was refused.");
    assertThat(screen).contains("#1 step 1 proj/count_rows {\"table\":\"orders\"}");
    assertThat(screen).contains("approval: never");
    assertThat(screen)
        .contains("flagged by the change monitor in this session:")
        .contains("run_sql -> refused_by_user: [destructive-sql/delete-or-update-everything]");
    assertThat(dir.resolve("writes.log")).doesNotExist();
  }
}

package io.devhost.bridge.ui;

import io.devhost.bridge.Bridge;
import io.devhost.bridge.host.HostTool;
import io.devhost.bridge.planner.ApprovalPolicy;
import io.devhost.bridge.planner.LedgerEntry;
import io.devhost.bridge.planner.PlannerEvents;
import io.devhost.bridge.planner.RunResult;
import io.devhost.bridge.planner.ToolCallRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Status;

/**
 * The interactive session: each line is a task for the planner (the ledger carries over), or a
 * command. Reasoning streams dimmed, or collapses to the status line with {@code /thoughts}; the
 * status line shows step, tokens, tok/s and elapsed time; Ctrl-C stops the running task.
 */
public final class ChatLoop {

  private static final String HELP =
      """
      Type a task, or a command:
        /tools            the tools on offer, with their hints
        /ledger           what the calls so far taught, with sources
        /servers          the connected MCP servers
        /approve [never|ask|always]   show or set how writing tools are approved, what is
                          trusted, and the changes the change monitor flagged
        /model            the model in use
        /thoughts         show or collapse the reasoning while it streams
        /quit             leave (Ctrl-D too). Ctrl-C stops a running task.""";

  private final Bridge bridge;
  private final Terminal terminal;
  private final LineReader reader;
  private final PrintWriter out;
  private final Status status;
  private boolean showThoughts = true;

  public ChatLoop(Bridge bridge, Terminal terminal, LineReader reader) {
    this.bridge = bridge;
    this.terminal = terminal;
    this.reader = reader;
    this.out = terminal.writer();
    this.status = Status.getStatus(terminal, false);
  }

  public void run() {
    out.println(
        "devhost chat with "
            + bridge.model().describe()
            + " and "
            + bridge.host().servers().size()
            + " server(s). /help for commands.");
    while (true) {
      String line;
      try {
        line = reader.readLine("devhost> ");
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        return;
      }
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("/")) {
        if (!command(line)) {
          return;
        }
      } else {
        task(line);
      }
      out.flush();
    }
  }

  /** Runs a command; false to leave. */
  private boolean command(String line) {
    String[] words = line.split("\\s+");
    switch (words[0]) {
      case "/quit", "/exit" -> {
        return false;
      }
      case "/tools" -> {
        for (HostTool t : bridge.host().tools()) {
          String hint = t.readOnly() ? "read-only" : t.destructive() ? "destructive" : "writes";
          out.printf("  %-32s %-11s %s%n", t.name(), hint, t.server());
        }
      }
      case "/ledger" -> {
        List<LedgerEntry> entries = bridge.planner().ledger().entries();
        if (entries.isEmpty()) {
          out.println("  (empty)");
        }
        for (LedgerEntry e : entries) {
          out.println(
              "  #"
                  + e.id()
                  + " step "
                  + e.step()
                  + " "
                  + e.server()
                  + "/"
                  + e.tool()
                  + " "
                  + e.arguments()
                  + (e.error() ? " FAILED" : "")
                  + "\n      "
                  + e.fact());
        }
        showTrust();
      }
      case "/servers" -> bridge.host().servers().forEach(s -> out.println("  " + s));
      case "/model" ->
          out.println(
              "  " + bridge.model().describe() + ", context " + bridge.model().contextTokens());
      case "/thoughts" -> {
        showThoughts = !showThoughts;
        out.println("  reasoning " + (showThoughts ? "shown" : "collapsed to the status line"));
      }
      case "/approve" -> {
        if (words.length > 1) {
          try {
            bridge
                .planner()
                .approvals()
                .setPolicy(ApprovalPolicy.valueOf(words[1].toUpperCase(Locale.ROOT)));
          } catch (IllegalArgumentException e) {
            out.println("  use never, ask or always");
          }
        }
        out.println(
            "  approval: " + bridge.planner().approvals().policy().name().toLowerCase(Locale.ROOT));
        showTrust();
        var flagged = bridge.planner().approvals().flagged();
        out.println(
            flagged.isEmpty()
                ? "  no change flagged by the change monitor in this session"
                : "  flagged by the change monitor in this session:");
        flagged.forEach(f -> out.println("    " + f));
      }
      default -> out.println(HELP);
    }
    return true;
  }

  /** What runs without asking, and who said so: the user's trust list and the servers' hints. */
  private void showTrust() {
    out.println("  trusted:");
    bridge.planner().approvals().describeTrust().forEach(line -> out.println("    " + line));
  }

  private void task(String task) {
    Terminal.SignalHandler previous =
        terminal.handle(Terminal.Signal.INT, s -> bridge.planner().cancel());
    try {
      RunResult result = bridge.planner().run(task, new LiveView());
      if (status != null) {
        status.update(List.of());
      }
      if (result.answered()) {
        out.println();
        out.println(result.answer());
      } else {
        out.println();
        out.println(
            styled(
                "(" + result.message() + ")",
                AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)));
      }
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
    }
  }

  private String styled(String text, AttributedStyle style) {
    return new AttributedString(text, style).toAnsi(terminal);
  }

  /** Streams the run into the terminal and keeps the status line current. */
  private final class LiveView implements PlannerEvents {
    private int step;
    private int maxSteps;
    private int thoughtPieces;
    private String stats = "";
    private boolean midLine;

    @Override
    public void stepStarted(int step, int maxSteps) {
      this.step = step;
      this.maxSteps = maxSteps;
      thoughtPieces = 0;
      updateStatus();
    }

    @Override
    public void reasoning(String delta) {
      thoughtPieces++;
      if (showThoughts) {
        out.print(styled(delta, AttributedStyle.DEFAULT.faint()));
        out.flush();
        midLine = !delta.endsWith("\n");
      } else if (thoughtPieces % 16 == 0) {
        updateStatus();
      }
    }

    @Override
    public void actionRejected(int step, String problem) {
      line(
          styled(
              "  reply rejected: " + problem,
              AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW)));
    }

    @Override
    public void toolStarted(int step, HostTool tool, Map<String, Object> arguments) {
      line(
          styled(
              "  -> " + tool.name() + " " + arguments,
              AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)));
    }

    @Override
    public void toolFinished(int step, ToolCallRecord r) {
      String what = r.error() == null ? r.resultChars() + " chars" : r.error();
      line(
          styled(
              "  <- "
                  + r.decision().name().toLowerCase(Locale.ROOT)
                  + ", "
                  + r.durationMillis()
                  + " ms, "
                  + (what.length() > 160 ? what.substring(0, 160) + "…" : what),
              AttributedStyle.DEFAULT.faint()));
    }

    @Override
    public void progress(int step, int tokens, double tokensPerSecond, long elapsedMillis) {
      stats =
          String.format(
              Locale.ROOT,
              " · %d tokens · %.1f tok/s · %.1f s",
              tokens,
              tokensPerSecond,
              elapsedMillis / 1000.0);
      updateStatus();
    }

    private void line(String text) {
      if (midLine) {
        out.println();
        midLine = false;
      }
      out.println(text);
      out.flush();
    }

    private void updateStatus() {
      if (status != null) {
        String thinking =
            showThoughts || thoughtPieces == 0 ? "" : " · thinking (" + thoughtPieces + ")";
        status.update(
            List.of(
                new AttributedString(
                    "step " + step + "/" + maxSteps + stats + thinking,
                    AttributedStyle.DEFAULT.inverse())));
      }
    }
  }
}

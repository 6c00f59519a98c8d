package io.devhost.server.cli;

import io.devhost.bridge.Bridge;
import io.devhost.bridge.model.ModelException;
import io.devhost.bridge.planner.ToolCallListener;
import io.devhost.bridge.ui.ChatLoop;
import io.devhost.bridge.ui.ReaderConsole;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code devhost chat}: an interactive session with the local model and the MCP servers. */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description = "Talk to a local DeepSeek-R1 distill that uses the tools of the MCP servers.")
final class ChatCommand implements Callable<Integer> {

  @Mixin BridgeOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    var err = spec.commandLine().getErr();
    var config = options.config(false, System.getenv());
    ToolCallListener audit = options.audit();
    try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
      LineReader reader =
          LineReaderBuilder.builder()
              .terminal(terminal)
              .variable(LineReader.HISTORY_FILE, historyFile())
              .build();
      try (Bridge bridge = Bridge.open(config, new ReaderConsole(reader), audit)) {
        new ChatLoop(bridge, terminal, reader).run();
      }
      return 0;
    } catch (ModelException e) {
      err.println("devhost: " + e.getMessage());
      err.flush();
      return 2;
    } finally {
      if (audit instanceof AutoCloseable closeable) {
        AskCommand.closeQuietly(closeable);
      }
    }
  }

  private static Path historyFile() {
    return Path.of(System.getProperty("user.home"), ".devhost", "chat_history");
  }
}

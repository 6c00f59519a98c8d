package io.devhost.server.cli;

import io.devhost.server.Version;
import io.devhost.server.config.ConfigFile;
import io.devhost.server.config.LayeredDefaults;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code devhost} command and its subcommands. */
@Command(
    name = "devhost",
    mixinStandardHelpOptions = true,
    versionProvider = DevhostCommand.VersionProvider.class,
    description = {
      "An MCP server for a project's files, git/GitHub and PostgreSQL,",
      "and a local DeepSeek-R1 reasoning client."
    },
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      ToolsCommand.class,
      CallCommand.class,
      DbCommand.class,
      AuditCommand.class,
      AskCommand.class,
      ChatCommand.class,
      CommandLine.HelpCommand.class
    })
public final class DevhostCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  /**
   * Runs the command line: config file and environment first, then flags. Returns the exit code: 0
   * success, 1 a failed call, 2 a usage or configuration error.
   */
  public static int run(String[] args, Map<String, String> env) {
    var cli = new CommandLine(new DevhostCommand());
    cli.setOut(new java.io.PrintWriter(System.out, true));
    ConfigFile file;
    try {
      file = ConfigFile.locate(args, env);
      file.requireKnownKeys(optionKeys(cli));
    } catch (ConfigFile.ConfigException e) {
      System.err.println("devhost: " + e.getMessage());
      return 2;
    }
    var defaults = new LayeredDefaults(env, file);
    cli.setDefaultValueProvider(defaults);
    cli.setParameterExceptionHandler(new SourceNamingErrorHandler(defaults));
    cli.setExecutionExceptionHandler(new CleanErrorHandler());
    return cli.execute(args);
  }

  private static Set<String> optionKeys(CommandLine cli) {
    var keys = new HashSet<String>();
    collect(cli, keys);
    keys.remove("config");
    keys.remove("help");
    keys.remove("version");
    return keys;
  }

  private static void collect(CommandLine cli, Set<String> keys) {
    cli.getCommandSpec().options().forEach(o -> keys.add(LayeredDefaults.keyOf(o)));
    cli.getSubcommands().values().forEach(sub -> collect(sub, keys));
  }

  /** Reads the version stamped into the jar. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"devhost " + Version.get()};
    }
  }
}

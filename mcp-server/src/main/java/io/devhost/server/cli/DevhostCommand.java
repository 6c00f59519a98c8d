package io.devhost.server.cli;

import io.devhost.server.Version;
import io.devhost.server.config.ConfigFile;
import io.devhost.server.config.LayeredDefaults;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
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
    })
public final class DevhostCommand implements Runnable {

  /**
   * The subcommands, in the order help lists them. Each model is built by reflection over its
   * options and mixins, tens of milliseconds apiece at start-up, so a run builds only the one it
   * needs (see {@link #commandLineFor}).
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    var all = new LinkedHashMap<String, Supplier<Object>>();
    all.put("serve", ServeCommand::new);
    all.put("demo", DemoCommand::new);
    all.put("tools", ToolsCommand::new);
    all.put("call", CallCommand::new);
    all.put("db", DbCommand::new);
    all.put("audit", AuditCommand::new);
    all.put("ask", AskCommand::new);
    all.put("chat", ChatCommand::new);
    all.put("help", CommandLine.HelpCommand::new);
    return all;
  }

  /** The whole command tree: for help, the generated docs and the config-file key check. */
  public static CommandLine commandLine() {
    var cli = new CommandLine(new DevhostCommand());
    SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
    return cli;
  }

  /**
   * The tree with only the subcommand that {@code args} starts with, or the whole tree when they
   * start with anything else (help, version, a mistake).
   */
  static CommandLine commandLineFor(String[] args) {
    if (args.length == 0 || !SUBCOMMANDS.containsKey(args[0]) || args[0].equals("help")) {
      return commandLine();
    }
    var cli = new CommandLine(new DevhostCommand());
    cli.addSubcommand(args[0], SUBCOMMANDS.get(args[0]).get());
    return cli;
  }

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
    var cli = commandLineFor(args);
    cli.setOut(new java.io.PrintWriter(System.out, true));
    ConfigFile file;
    try {
      file = ConfigFile.locate(args, env);
      var known = optionKeys(cli);
      // A key may belong to a command this run did not build; only then is the whole tree needed.
      file.requireKnownKeys(file.keysIn(known) ? known : optionKeys(commandLine()));
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

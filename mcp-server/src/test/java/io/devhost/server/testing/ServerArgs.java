package io.devhost.server.testing;

import io.devhost.server.config.ConfigFile;
import io.devhost.server.config.LayeredDefaults;
import io.devhost.server.config.ServerOptions;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Server options parsed as a command parses them: mixed into a command, so the toolsets' options
 * are there too, with values from {@code env} where no flag gives one.
 */
public final class ServerArgs {

  @Command(name = "probe")
  static final class Probe {
    @Mixin ServerOptions options;
  }

  private ServerArgs() {}

  /** A command with the server options and, through them, every toolset's. */
  public static CommandLine command() {
    return new CommandLine(new Probe());
  }

  public static ServerOptions parse(String... args) {
    return parse(Map.of(), args);
  }

  public static ServerOptions parse(Map<String, String> env, String... args) {
    var probe = new Probe();
    var cli = new CommandLine(probe);
    cli.setDefaultValueProvider(new LayeredDefaults(env, ConfigFile.locate(args, env)));
    cli.parseArgs(args);
    return probe.options;
  }
}

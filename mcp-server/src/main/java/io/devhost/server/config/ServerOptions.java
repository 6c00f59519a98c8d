package io.devhost.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options shared by every command that builds the toolsets; each toolset adds its own (see {@link
 * #addToolsetOptionsTo}). Each option can also come from an environment variable ({@code DEVHOST_}
 * + the name in upper snake case) or from the config file (the name as key), in that order of
 * precedence after the flag itself.
 */
public final class ServerOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Config file (YAML). Default: devhost.yaml in the working directory, if any.")
  Path config;

  @Option(
      names = "--toolsets",
      split = ",",
      paramLabel = "ID",
      description =
          "Toolsets to enable, comma-separated. Available: ${bundle:"
              + ToolsetPlugins.AVAILABLE_KEY
              + ":-those on the class path}. Default: ${bundle:"
              + ToolsetPlugins.DEFAULT_KEY
              + ":-those on by default}.")
  List<String> toolsets = new ArrayList<>();

  @Option(
      names = "--exclude-tools",
      split = ",",
      paramLabel = "GLOB",
      description = "Tools to leave out, by name or glob (e.g. write_*). Not listed, not callable.")
  List<String> excludeTools = new ArrayList<>();

  @Option(
      names = "--roots",
      split = ",",
      paramLabel = "DIR",
      description =
          "Directories the file and git tools may access. Default: the roots the client offers,"
              + " else the working directory unless it is /, your home directory or a system"
              + " directory; with none, those tools refuse every path and say how to set one.")
  List<Path> roots = new ArrayList<>();

  @Option(
      names = "--demo",
      description =
          "Serve the demo shop instead of your project: a throwaway copy of examples/shop with"
              + " its git history, and its database (migrations, thousands of rows) in the"
              + " embedded PostgreSQL (data under ~/.devhost/demo-postgres). The copy is deleted"
              + " on exit.")
  boolean demo;

  @Option(
      names = "--read-only-roots",
      split = ",",
      paramLabel = "DIR",
      description = "Directories the filesystem tools may read but never change.")
  List<Path> readOnlyRoots = new ArrayList<>();

  @Option(
      names = "--max-result-bytes",
      paramLabel = "N",
      defaultValue = "4194304",
      description = "Largest tool result sent, in bytes of JSON (default: ${DEFAULT-VALUE}).")
  int maxResultBytes;

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      defaultValue = "warn",
      description =
          "Log level on stderr: error, warn, info, debug, trace (default: ${DEFAULT-VALUE}).")
  String logLevel;

  @Option(
      names = "--log-file",
      paramLabel = "FILE",
      description = "Write logs to this file instead of stderr. Logs never go to stdout.")
  Path logFile;

  /** The toolsets found on the class path, holding their options' values once parsed. */
  private final ToolsetPlugins plugins = ToolsetPlugins.discover();

  /**
   * Adds the options of every toolset found to the command these options are mixed into, right
   * after them; picocli calls this while it builds the command.
   */
  @Spec(Spec.Target.MIXEE)
  void addToolsetOptionsTo(CommandSpec command) {
    plugins.addOptionsTo(command);
  }

  /** The toolset providers found, with the values of their options. */
  public ToolsetPlugins plugins() {
    return plugins;
  }

  /** The toolset ids named by {@code --toolsets}; empty for those on by default. */
  public List<String> toolsets() {
    return List.copyOf(toolsets);
  }

  public List<String> excludeTools() {
    return List.copyOf(excludeTools);
  }

  /** The writable roots given by flag, environment or config file; empty when none was. */
  public List<Path> roots() {
    return List.copyOf(roots);
  }

  /** True when some root, writable or read-only, was configured. */
  public boolean rootsConfigured() {
    return !roots.isEmpty() || !readOnlyRoots.isEmpty();
  }

  public boolean demo() {
    return demo;
  }

  /** For {@code devhost demo}, which is always the demo. */
  public void useDemo() {
    demo = true;
  }

  public List<Path> readOnlyRoots() {
    return List.copyOf(readOnlyRoots);
  }

  /** The toolsets' write switches that are on (see ToolVisibility). */
  public Set<String> writeSwitchesOn() {
    return plugins.writeSwitchesOn();
  }

  public int maxResultBytes() {
    return maxResultBytes;
  }
}

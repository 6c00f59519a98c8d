package io.devhost.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that builds the toolsets. Each option can also come from an
 * environment variable ({@code DEVHOST_} + the name in upper snake case) or from the config file
 * (the name as key), in that order of precedence after the flag itself.
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
      defaultValue = "fs",
      description = "Toolsets to enable, comma-separated. Available: ${COMPLETION-CANDIDATES}.")
  List<ToolsetId> toolsets = new ArrayList<>();

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
      description = "Directories the filesystem tools may access. Default: the working directory.")
  List<Path> roots = new ArrayList<>();

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

  @Mixin PostgresOptions postgres = new PostgresOptions();

  public List<ToolsetId> toolsets() {
    return List.copyOf(toolsets);
  }

  public List<String> excludeTools() {
    return List.copyOf(excludeTools);
  }

  public List<Path> roots() {
    return roots.isEmpty() ? List.of(Path.of("").toAbsolutePath()) : List.copyOf(roots);
  }

  public int maxResultBytes() {
    return maxResultBytes;
  }

  public PostgresOptions postgres() {
    return postgres;
  }
}

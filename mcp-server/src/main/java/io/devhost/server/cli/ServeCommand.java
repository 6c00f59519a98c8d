package io.devhost.server.cli;

import io.devhost.core.ResultLimits;
import io.devhost.server.config.ServerOptions;
import io.devhost.server.config.Toolsets;
import io.devhost.server.mcp.StdioServer;
import io.devhost.server.mcp.ToolCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code devhost serve}: serves the enabled toolsets over MCP. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the enabled toolsets over MCP (stdio).")
final class ServeCommand implements Callable<Integer> {

  @Mixin ServerOptions options;

  @Option(
      names = "--stdio",
      defaultValue = "true",
      description = "Serve over stdin/stdout (the default).")
  boolean stdio;

  @Override
  public Integer call() throws Exception {
    var toolsets = Toolsets.create(options);
    var catalog = ToolCatalog.of(toolsets, options.excludeTools());
    StdioServer.serve(
        toolsets,
        catalog,
        new ResultLimits(options.maxResultBytes(), ResultLimits.DEFAULT.maxInlineTextChars()));
    return 0;
  }
}

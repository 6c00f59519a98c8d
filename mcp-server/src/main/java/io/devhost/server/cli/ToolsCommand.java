package io.devhost.server.cli;

import io.devhost.core.Json;
import io.devhost.core.ToolDefinitions;
import io.devhost.server.config.ServerOptions;
import io.devhost.server.config.VisibilityOptions;
import io.devhost.server.mcp.ToolCatalog;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code devhost tools}: what a client would see in {@code tools/list}. */
@Command(
    name = "tools",
    mixinStandardHelpOptions = true,
    description = "List the enabled tools: a table, or full definitions with --json.")
final class ToolsCommand implements Callable<Integer> {

  @Mixin ServerOptions options;
  @Mixin VisibilityOptions visibility;

  @Option(names = "--json", description = "Print each tool's full definition, schemas included.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (var enabled = EnabledTools.open(options, visibility.visibility(options), List.of())) {
      var catalog = enabled.catalog();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        var defs = new ArrayList<Object>();
        catalog.entries().forEach(e -> defs.add(ToolDefinitions.toMcpTool(e.spec())));
        out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(defs));
      } else {
        printTable(catalog, out);
      }
      out.flush();
      return 0;
    }
  }

  private static void printTable(ToolCatalog catalog, PrintWriter out) {
    int width = catalog.names().stream().mapToInt(String::length).max().orElse(4);
    String format = "%-" + width + "s  %-7s  %-11s  %s%n";
    out.printf(format, "TOOL", "TOOLSET", "HINTS", "TITLE");
    for (var entry : catalog.entries()) {
      var spec = entry.spec();
      String hints = spec.readOnly() ? "read-only" : spec.destructive() ? "destructive" : "writes";
      out.printf(format, spec.name(), entry.toolset(), hints, spec.title());
    }
  }
}

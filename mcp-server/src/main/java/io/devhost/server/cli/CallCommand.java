package io.devhost.server.cli;

import io.devhost.core.Json;
import io.devhost.core.ToolContext;
import io.devhost.server.config.AuditOptions;
import io.devhost.server.config.CallOptions;
import io.devhost.server.config.ServerOptions;
import io.devhost.server.config.VisibilityOptions;
import io.devhost.server.mcp.CallOrigin;
import io.devhost.server.metrics.CallMetrics;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * {@code devhost call TOOL --args JSON}: one call through the same pipeline as an MCP {@code
 * tools/call} (visibility, confirmation, time limit, audit record), for scripts. It takes no rate
 * limit: one call per process has nothing to limit. Prints the structured result on stdout; on a
 * tool error prints the message on stderr and exits 1.
 */
@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    description = {
      "Call one tool and print its structured result as JSON. Exit 1 on a tool error.",
      "The call takes the same policy, time limit and audit log as a call over MCP. Typing the"
          + " command confirms a tool that writes under --confirm auto (the default) and never;"
          + " under --confirm ask nobody can be asked, so the call is refused."
    })
final class CallCommand implements Callable<Integer> {

  /** One call per process: a per-minute limit could never be reached. */
  private static final int NO_RATE_LIMIT = 0;

  @Mixin ServerOptions options;
  @Mixin VisibilityOptions visibility;
  @Mixin CallOptions policy;
  @Mixin AuditOptions audit;

  @Parameters(index = "0", paramLabel = "TOOL", description = "Tool name (see devhost tools).")
  String tool;

  @Option(
      names = "--args",
      paramLabel = "JSON",
      defaultValue = "{}",
      description = "Arguments as a JSON object (default: ${DEFAULT-VALUE}).")
  String args;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    Map<String, Object> arguments;
    try {
      arguments = Json.MAPPER.readValue(args, new TypeReference<Map<String, Object>>() {});
    } catch (JacksonException e) {
      err.println("devhost: --args is not a JSON object: " + e.getOriginalMessage());
      return 2;
    }
    try (var enabled = EnabledTools.open(options, visibility.visibility(options), List.of())) {
      var catalog = enabled.catalog();
      var entry = catalog.find(tool);
      if (entry.isEmpty()) {
        err.println("devhost: no tool named '" + tool + "'. Enabled tools: " + catalog.names());
        return 2;
      }
      try (var auditLog = audit.open("the tool's result");
          var pipeline =
              RunningServer.pipeline(options, policy, NO_RATE_LIMIT, auditLog, CallMetrics.NONE)) {
        var result =
            pipeline.call(
                entry.get().spec(),
                CallOrigin.commandLine(),
                arguments,
                ToolContext.DETACHED,
                new AtomicBoolean());
        return print(result);
      }
    }
  }

  private int print(McpSchema.CallToolResult result) {
    if (Boolean.TRUE.equals(result.isError())) {
      spec.commandLine().getErr().println("devhost: " + tool + " failed: " + text(result));
      return 1;
    }
    var out = spec.commandLine().getOut();
    out.println(
        Json.MAPPER
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(result.structuredContent()));
    out.flush();
    return 0;
  }

  private static String text(McpSchema.CallToolResult result) {
    return result.content().stream()
        .filter(McpSchema.TextContent.class::isInstance)
        .map(c -> ((McpSchema.TextContent) c).text())
        .findFirst()
        .orElse("(no message)");
  }
}

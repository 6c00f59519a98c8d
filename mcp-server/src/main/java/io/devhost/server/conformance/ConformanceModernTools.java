package io.devhost.server.conformance;

import io.devhost.server.modern.ModernSchema;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpSyncNotifier;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpSyncTool;
import io.modelcontextprotocol.server.McpServerFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code test_*} tools of the conformance suite for the 2026-07-28 era. Those whose answer
 * needs nothing from a session are the 2025-era fixtures themselves ({@link ConformanceTools}),
 * converted; progress and logging go out on the request's own stream; and the era has diagnostic
 * tools of its own (a tool needing an undeclared capability, a tool with an {@code x-mcp-header}
 * parameter). Elicitation, sampling and roots are multi-round-trip requests there: their fixtures
 * are {@link ConformanceInputRequests}.
 */
final class ConformanceModernTools {

  /** Fixtures that answer without asking the session anything, shared with the 2025 era. */
  private static final Set<String> SESSION_FREE =
      Set.of(
          "test_simple_text",
          "test_image_content",
          "test_audio_content",
          "test_embedded_resource",
          "test_multiple_content_types",
          "test_error_handling",
          "json_schema_2020_12_tool");

  /** The {@code _meta} key by which a request asks for log messages at a level and above. */
  private static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";

  private ConformanceModernTools() {}

  static List<McpSyncTool> all() {
    var tools = new ArrayList<McpSyncTool>();
    for (McpServerFeatures.SyncToolSpecification legacy : ConformanceTools.all()) {
      if (SESSION_FREE.contains(legacy.tool().name())) {
        tools.add(converted(legacy));
      }
    }
    tools.add(
        McpSyncTool.of(
            definition("test_tool_with_progress", noArguments()), (ctx, req) -> progress(ctx)));
    tools.add(
        McpSyncTool.of(
            definition("test_tool_with_logging", noArguments()), (ctx, req) -> logging(ctx)));
    tools.add(
        McpSyncTool.of(definition("test_logging_tool", noArguments()), (ctx, req) -> logging(ctx)));
    tools.add(
        McpSyncTool.of(
            definition("test_missing_capability", noArguments()),
            McpSchema.ClientCapabilities.builder().sampling().build(),
            (ctx, req) -> McpSyncResponse.result(text("The client declared sampling."))));
    tools.add(
        McpSyncTool.of(
            definition("test_header_param", headerArgument()),
            (ctx, req) -> McpSyncResponse.result(text("region=" + req.arguments().get("region")))));
    return tools;
  }

  private static McpSyncTool converted(McpServerFeatures.SyncToolSpecification legacy) {
    var definition = ModernSchema.toModern(legacy.tool(), McpSchema.Tool.class);
    return McpSyncTool.of(
        definition,
        (ctx, request) -> {
          var legacyRequest =
              new io.modelcontextprotocol.spec.McpSchema.CallToolRequest(
                  request.name(), request.arguments());
          var result = legacy.callHandler().apply(null, legacyRequest);
          return McpSyncResponse.result(
              ModernSchema.toModern(result, McpSchema.CallToolResult.class));
        });
  }

  private static McpSyncResponse<McpSchema.CallToolOutcome> progress(McpRequestContext ctx) {
    if (ctx.progressToken() == null) {
      return McpSyncResponse.result(text("Progress tool completed"));
    }
    return McpSyncResponse.streaming(
        notifier -> {
          for (double done : new double[] {0, 50, 100}) {
            notifier.progress(done, 100.0, null);
            pause();
          }
          return text("Progress tool completed");
        });
  }

  /** Log messages go out only when the request asked for them with a log level. */
  private static McpSyncResponse<McpSchema.CallToolOutcome> logging(McpRequestContext ctx) {
    if (ctx.meta().get(LOG_LEVEL) == null) {
      return McpSyncResponse.result(text("Logging tool completed"));
    }
    return McpSyncResponse.streaming(
        notifier -> {
          for (String message :
              List.of(
                  "Tool execution started", "Tool processing data", "Tool execution completed")) {
            log(notifier, message);
            pause();
          }
          return text("Logging tool completed");
        });
  }

  private static void log(McpSyncNotifier notifier, String message) {
    notifier.notify(
        "notifications/message",
        new McpSchema.LoggingMessageParams(McpSchema.LoggingLevel.INFO, "test", message));
  }

  private static McpSchema.Tool definition(String name, Map<String, Object> inputSchema) {
    return McpSchema.Tool.builder(name, inputSchema)
        .description("Conformance fixture " + name)
        .build();
  }

  private static Map<String, Object> noArguments() {
    return Map.of("type", "object", "properties", Map.of());
  }

  /** One string argument mirrored into the {@code Mcp-Param-Region} header (SEP-2243). */
  private static Map<String, Object> headerArgument() {
    return Map.of(
        "type", "object",
        "properties", Map.of("region", Map.of("type", "string", "x-mcp-header", "Region")),
        "required", List.of("region"));
  }

  private static McpSchema.CallToolResult text(String text) {
    return McpSchema.CallToolResult.builder()
        .addContent(McpSchema.TextContent.builder(text).build())
        .isError(false)
        .build();
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

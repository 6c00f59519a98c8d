package io.devhost.server.modern;

import io.devhost.core.ToolDefinitions;
import io.devhost.server.auth.Caller;
import io.devhost.server.mcp.ToolCallPipeline;
import io.devhost.server.mcp.ToolCatalog;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpSyncNotifier;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpSyncTool;
import io.modelcontextprotocol.modern.server.feature.McpSyncToolRepository;
import io.modelcontextprotocol.modern.server.feature.ToolsPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The catalog's tools for 2026-07-28 clients. Every call goes through the {@link ToolCallPipeline}
 * (permission, rate limit, confirmation, time limit, audit), exactly as a 2025-era session's does;
 * a caller without the write permission does not see the tools that write.
 */
final class CatalogTools implements McpSyncToolRepository {

  /** A tool as listed, with what runs it. */
  private record Listed(McpSchema.Tool definition, boolean writes, McpSyncTool tool) {}

  private final Map<String, Listed> byName = new LinkedHashMap<>();
  private final ToolCallPipeline pipeline;
  private final String transport;

  /**
   * @param extraTools tools that bypass the pipeline; only the conformance fixtures
   */
  CatalogTools(
      ToolCatalog catalog,
      ToolCallPipeline pipeline,
      String transport,
      List<McpSyncTool> extraTools) {
    this.pipeline = pipeline;
    this.transport = transport;
    for (ToolCatalog.Entry entry : catalog.entries()) {
      var definition =
          ModernSchema.toModern(ToolDefinitions.toMcpTool(entry.spec()), McpSchema.Tool.class);
      var tool = McpSyncTool.of(definition, (ctx, request) -> call(entry, ctx, request));
      byName.put(definition.name(), new Listed(definition, !entry.spec().readOnly(), tool));
    }
    for (McpSyncTool tool : extraTools) {
      byName.put(tool.definition().name(), new Listed(tool.definition(), false, tool));
    }
  }

  @Override
  public ToolsPage list(McpRequestContext ctx, String cursor) {
    Caller caller = Caller.of(ctx.transportContext());
    boolean mayWrite = caller == null || caller.mayWrite();
    return ToolsPage.of(
        byName.values().stream()
            .filter(listed -> mayWrite || !listed.writes())
            .map(Listed::definition)
            .toList());
  }

  /** Hidden tools are still found: the pipeline refuses them, and the refusal is audited. */
  @Override
  public McpSyncTool find(McpRequestContext ctx, String name) {
    Listed listed = byName.get(name);
    return listed == null ? null : listed.tool();
  }

  /**
   * Runs the call; with a {@code progressToken} the answer is a stream that carries the progress
   * notifications before the result. The outcome is a {@link McpSchema.CallToolOutcome} so that a
   * call may also answer with an {@code InputRequiredResult}.
   */
  private McpSyncResponse<McpSchema.CallToolOutcome> call(
      ToolCatalog.Entry entry, McpRequestContext ctx, McpSchema.CallToolRequest request) {
    if (ctx.progressToken() == null) {
      return McpSyncResponse.result(run(entry, ctx, request, null));
    }
    return McpSyncResponse.streaming(notifier -> run(entry, ctx, request, notifier));
  }

  private McpSchema.CallToolOutcome run(
      ToolCatalog.Entry entry,
      McpRequestContext ctx,
      McpSchema.CallToolRequest request,
      McpSyncNotifier notifier) {
    var cancelled = new AtomicBoolean();
    var arguments = request.arguments() == null ? Map.<String, Object>of() : request.arguments();
    var result =
        pipeline.call(
            entry.spec(),
            new ModernCallOrigin(transport, ctx),
            arguments,
            new ModernToolContext(notifier, cancelled),
            cancelled);
    return ModernSchema.toModern(result, McpSchema.CallToolResult.class);
  }
}

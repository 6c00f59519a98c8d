package io.devhost.server.modern;

import io.devhost.core.ToolDefinitions;
import io.devhost.server.auth.Caller;
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

/**
 * The catalog's tools for 2026-07-28 clients. Every call goes through the {@code ToolCallPipeline}
 * (permission, rate limit, confirmation, time limit, audit) by way of {@link ModernToolCalls},
 * exactly as a 2025-era session's does, and may ask its client first (roots, confirmation); a
 * caller without the write permission does not see the tools that write.
 */
final class CatalogTools implements McpSyncToolRepository {

  /** A tool as listed, with what runs it. */
  private record Listed(McpSchema.Tool definition, boolean writes, McpSyncTool tool) {}

  private final Map<String, Listed> byName = new LinkedHashMap<>();
  private final ModernToolCalls calls;

  /**
   * @param extraTools tools that bypass the pipeline; only the conformance fixtures
   */
  CatalogTools(ToolCatalog catalog, ModernToolCalls calls, List<McpSyncTool> extraTools) {
    this.calls = calls;
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
    return calls.call(entry.spec(), ctx, request, notifier);
  }
}

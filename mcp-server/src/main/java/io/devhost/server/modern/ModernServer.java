package io.devhost.server.modern;

import io.devhost.core.CompletionSpec;
import io.devhost.core.Toolset;
import io.devhost.server.Version;
import io.devhost.server.mcp.ToolCatalog;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpFeature;
import io.modelcontextprotocol.modern.server.McpServer;
import io.modelcontextprotocol.modern.server.feature.McpSyncPrompt;
import io.modelcontextprotocol.modern.server.feature.McpSyncTool;
import io.modelcontextprotocol.modern.server.feature.PromptsFeature;
import io.modelcontextprotocol.modern.server.feature.ResourcesFeature;
import io.modelcontextprotocol.modern.server.feature.ToolsFeature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 2026-07-28 ("modern", stateless) server, built from the same inputs as the 2025-era {@code
 * DevhostMcpServer}: the catalog's tools through the one {@code ToolCallPipeline}, the toolsets'
 * resources, templates, prompts and completions, and the same instructions. {@code server/discover}
 * is the SDK's.
 */
public final class ModernServer {

  /** The only revision this server speaks without a handshake. */
  public static final String VERSION = "2026-07-28";

  /**
   * How long a client may reuse a list. Tools, resources and prompts are fixed for the life of the
   * process; the lists are private because tools/list depends on the caller's scopes.
   */
  static final long LIST_TTL_MS = 60_000;

  private ModernServer() {}

  /**
   * @param roundTrips the pipeline's calls as 2026-07-28 requests, and the codec of their state
   * @param extraTools tools that bypass the pipeline; only the conformance fixtures
   */
  public static McpServer build(
      List<Toolset> toolsets,
      ToolCatalog catalog,
      ModernRoundTrips roundTrips,
      String instructions,
      List<McpSyncTool> extraTools) {
    return build(toolsets, catalog, roundTrips, instructions, extraTools, List.of());
  }

  /**
   * @param extraPrompts prompts of the 2026-07-28 era alone; only the conformance fixtures
   */
  public static McpServer build(
      List<Toolset> toolsets,
      ToolCatalog catalog,
      ModernRoundTrips roundTrips,
      String instructions,
      List<McpSyncTool> extraTools,
      List<McpSyncPrompt> extraPrompts) {
    var completionsByPrompt = new HashMap<String, CompletionSpec>();
    var completionsByTemplate = new HashMap<String, CompletionSpec>();
    for (Toolset toolset : toolsets) {
      for (CompletionSpec completion : toolset.completions()) {
        if (completion.reference()
            instanceof io.modelcontextprotocol.spec.McpSchema.PromptReference prompt) {
          completionsByPrompt.put(prompt.name(), completion);
        } else if (completion.reference()
            instanceof io.modelcontextprotocol.spec.McpSchema.ResourceReference resource) {
          completionsByTemplate.put(resource.uri(), completion);
        }
      }
    }
    var features = new ArrayList<McpFeature>();
    features.add(
        ToolsFeature.ofSync(
            new CatalogTools(catalog, roundTrips.calls(), extraTools),
            ModernSchema.MAPPER,
            ArgumentsCheckedByRunner.INSTANCE,
            LIST_TTL_MS,
            McpSchema.CacheScope.PRIVATE));
    var resources = toolsets.stream().flatMap(t -> t.resources().stream()).toList();
    var templates = toolsets.stream().flatMap(t -> t.resourceTemplates().stream()).toList();
    if (!resources.isEmpty() || !templates.isEmpty()) {
      features.add(
          ResourcesFeature.ofSync(
              new ToolsetResources(resources, templates, completionsByTemplate),
              ModernSchema.MAPPER,
              LIST_TTL_MS,
              McpSchema.CacheScope.PRIVATE));
    }
    var prompts = toolsets.stream().flatMap(t -> t.prompts().stream()).toList();
    if (!prompts.isEmpty() || !extraPrompts.isEmpty()) {
      features.add(
          PromptsFeature.ofSync(
              new ToolsetPrompts(prompts, completionsByPrompt, extraPrompts),
              ModernSchema.MAPPER,
              LIST_TTL_MS,
              McpSchema.CacheScope.PRIVATE));
    }
    return McpServer.builder()
        .serverInfo(
            new McpSchema.Implementation("devhost", "DevHost", Version.get(), null, null, null))
        .instructions(instructions)
        .supportedVersions(List.of(VERSION))
        .jsonMapper(ModernSchema.MAPPER)
        .features(features)
        .requestStateCodec(roundTrips.codec())
        .build();
  }

  /**
   * The SDK would check a call's arguments against the tool's schema before DevHost sees it, and
   * answer a mismatch without an audit record. DevHost's {@code ToolRunner} checks them itself,
   * with messages a model can act on, inside the pipeline that audits every call, as in the 2025
   * era (where the SDK's check is off too). Structured results are built from the records their
   * output schemas were generated from.
   */
  private enum ArgumentsCheckedByRunner implements JsonSchemaValidator {
    INSTANCE;

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object instance) {
      return ValidationResponse.asValid(null);
    }
  }
}

package io.devhost.server.modern;

import io.devhost.core.CompletionSpec;
import io.devhost.core.ResourceSpec;
import io.devhost.core.ResourceTemplateSpec;
import io.devhost.core.ToolException;
import io.devhost.server.mcp.ReservedExpansionUriTemplates;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpSyncResource;
import io.modelcontextprotocol.modern.server.feature.McpSyncResourceRepository;
import io.modelcontextprotocol.modern.server.feature.McpSyncResourceTemplate;
import io.modelcontextprotocol.modern.server.feature.ResourceTemplatesPage;
import io.modelcontextprotocol.modern.server.feature.ResourcesPage;
import io.modelcontextprotocol.util.McpUriTemplateManager;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The toolsets' resources and resource templates for 2026-07-28 clients: the same readers as the
 * 2025-era server's, templates matched the same way ({@link ReservedExpansionUriTemplates}), and
 * the completions of template variables.
 */
final class ToolsetResources implements McpSyncResourceRepository {

  private record Template(
      McpSchema.ResourceTemplate definition,
      McpUriTemplateManager matcher,
      Function<String, io.modelcontextprotocol.spec.McpSchema.ReadResourceResult> reader) {}

  private final List<ResourceSpec> resources;
  private final List<McpSchema.Resource> listed;
  private final List<Template> templates;
  private final Map<String, CompletionSpec> completionsByTemplate;

  ToolsetResources(
      List<ResourceSpec> resources,
      List<ResourceTemplateSpec> templates,
      Map<String, CompletionSpec> completionsByTemplate) {
    this.resources = List.copyOf(resources);
    this.listed =
        resources.stream()
            .map(r -> ModernSchema.toModern(r.resource(), McpSchema.Resource.class))
            .toList();
    var uriTemplates = new ReservedExpansionUriTemplates();
    this.templates =
        templates.stream()
            .map(
                t ->
                    new Template(
                        ModernSchema.toModern(t.template(), McpSchema.ResourceTemplate.class),
                        uriTemplates.create(t.template().uriTemplate()),
                        t.reader()))
            .toList();
    this.completionsByTemplate = Map.copyOf(completionsByTemplate);
  }

  @Override
  public ResourcesPage list(McpRequestContext ctx, String cursor) {
    return ResourcesPage.of(listed);
  }

  @Override
  public ResourceTemplatesPage listTemplates(McpRequestContext ctx, String cursor) {
    return ResourceTemplatesPage.of(templates.stream().map(Template::definition).toList());
  }

  @Override
  public McpSyncResource find(McpRequestContext ctx, String uri) {
    for (ResourceSpec resource : resources) {
      if (resource.resource().uri().equals(uri)) {
        return readWith(resource.reader());
      }
    }
    for (Template template : templates) {
      if (template.matcher().matches(uri)) {
        return readWith(template.reader());
      }
    }
    return null;
  }

  @Override
  public McpSyncResourceTemplate findTemplate(McpRequestContext ctx, String uriTemplate) {
    for (Template template : templates) {
      if (template.definition().uriTemplate().equals(uriTemplate)) {
        var found = McpSyncResourceTemplate.of(template.definition());
        CompletionSpec completion = completionsByTemplate.get(uriTemplate);
        return completion == null
            ? found
            : found.withCompletionHandler(ModernCompletions.handler(completion));
      }
    }
    return null;
  }

  @Override
  public boolean supportsCompletion() {
    return !completionsByTemplate.isEmpty();
  }

  private static McpSyncResource readWith(
      Function<String, io.modelcontextprotocol.spec.McpSchema.ReadResourceResult> reader) {
    return McpSyncResource.of(
        (ctx, request) ->
            McpSyncResponse.result(
                ModernSchema.toModern(
                    read(reader, request.uri()), McpSchema.ReadResourceResult.class)));
  }

  /** A reader's refusal as the JSON-RPC error a client can act on, its message kept. */
  private static io.modelcontextprotocol.spec.McpSchema.ReadResourceResult read(
      Function<String, io.modelcontextprotocol.spec.McpSchema.ReadResourceResult> reader,
      String uri) {
    try {
      return reader.apply(uri);
    } catch (ToolException e) {
      throw ModernErrors.of(e);
    }
  }
}

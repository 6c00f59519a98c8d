package io.devhost.server.conformance;

import io.devhost.core.CompletionSpec;
import io.devhost.core.PromptSpec;
import io.devhost.core.ResourceSpec;
import io.devhost.core.ResourceTemplateSpec;
import io.devhost.core.ToolSpec;
import io.devhost.core.Toolset;
import io.modelcontextprotocol.modern.server.feature.McpSyncPrompt;
import io.modelcontextprotocol.modern.server.feature.McpSyncTool;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code test_*} tools, resources and prompts the official MCP conformance suite calls, with
 * the exact contents its server scenarios check. Served only with the hidden {@code
 * --conformance-fixtures} flag of {@code devhost serve}: never part of a user's tool list.
 */
public final class ConformanceFixtures {

  /** A 1x1 red PNG. */
  static final String PNG =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

  private static final Pattern TEMPLATE_URI = Pattern.compile("test://template/([^/]+)/data");

  private ConformanceFixtures() {}

  /** Tools given as SDK specifications: they need image, audio and resource content. */
  public static List<McpServerFeatures.SyncToolSpecification> tools() {
    return ConformanceTools.all();
  }

  /**
   * The same tools, the diagnostic tools of its own, and the multi-round-trip tools
   * (InputRequiredResult), for the 2026-07-28 era.
   */
  public static List<McpSyncTool> modernTools() {
    var tools = new ArrayList<>(ConformanceModernTools.all());
    tools.addAll(ConformanceInputRequests.tools());
    return List.copyOf(tools);
  }

  /** The 2026-07-28 era's own prompt: one that asks its client for input first. */
  public static List<McpSyncPrompt> modernPrompts() {
    return ConformanceInputRequests.prompts();
  }

  /** Resources, the resource template, prompts and the completion, as a toolset. */
  public static Toolset toolset() {
    return new Toolset() {
      @Override
      public String id() {
        return "conformance";
      }

      @Override
      public String instructions() {
        return "Conformance test fixtures.";
      }

      @Override
      public List<ToolSpec<?, ?>> tools() {
        return List.of();
      }

      @Override
      public List<ResourceSpec> resources() {
        return ConformanceFixtures.resources();
      }

      @Override
      public List<ResourceTemplateSpec> resourceTemplates() {
        return List.of(template());
      }

      @Override
      public List<PromptSpec> prompts() {
        return ConformanceFixtures.prompts();
      }

      @Override
      public List<CompletionSpec> completions() {
        return List.of(
            new CompletionSpec(
                new McpSchema.PromptReference("test_prompt_with_arguments"),
                (argument, prefix) ->
                    List.of("paris", "park", "party").stream()
                        .filter(v -> v.startsWith(prefix))
                        .toList()));
      }
    };
  }

  private static List<ResourceSpec> resources() {
    return List.of(
        text("test://static-text", "This is the content of the static text resource."),
        new ResourceSpec(
            resource("test://static-binary", "image/png"),
            uri ->
                new McpSchema.ReadResourceResult(
                    List.of(new McpSchema.BlobResourceContents(uri, "image/png", PNG)))),
        text("test://watched-resource", "This resource can be subscribed to."));
  }

  private static ResourceSpec text(String uri, String content) {
    return new ResourceSpec(
        resource(uri, "text/plain"),
        requested ->
            new McpSchema.ReadResourceResult(
                List.of(new McpSchema.TextResourceContents(requested, "text/plain", content))));
  }

  private static McpSchema.Resource resource(String uri, String mimeType) {
    return McpSchema.Resource.builder()
        .uri(uri)
        .name(uri.substring("test://".length()))
        .description("Conformance fixture " + uri)
        .mimeType(mimeType)
        .build();
  }

  private static ResourceTemplateSpec template() {
    var template =
        McpSchema.ResourceTemplate.builder("test://template/{id}/data", "template-data")
            .description("Conformance fixture with one parameter")
            .mimeType("application/json")
            .build();
    return new ResourceTemplateSpec(
        template,
        uri -> {
          var m = TEMPLATE_URI.matcher(uri);
          String id = m.matches() ? m.group(1) : "";
          String json =
              "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}";
          return new McpSchema.ReadResourceResult(
              List.of(new McpSchema.TextResourceContents(uri, "application/json", json)));
        });
  }

  private static List<PromptSpec> prompts() {
    return List.of(
        new PromptSpec(
            new McpSchema.Prompt("test_simple_prompt", "A simple prompt", List.of()),
            args -> messages(new McpSchema.TextContent("This is a simple prompt for testing."))),
        new PromptSpec(
            new McpSchema.Prompt(
                "test_prompt_with_arguments",
                "A prompt with two arguments",
                List.of(
                    new McpSchema.PromptArgument("arg1", "First test argument", true),
                    new McpSchema.PromptArgument("arg2", "Second test argument", true))),
            args ->
                messages(
                    new McpSchema.TextContent(
                        "Prompt with arguments: arg1='"
                            + args.get("arg1")
                            + "', arg2='"
                            + args.get("arg2")
                            + "'"))),
        new PromptSpec(
            new McpSchema.Prompt(
                "test_prompt_with_embedded_resource",
                "A prompt embedding a resource",
                List.of(new McpSchema.PromptArgument("resourceUri", "URI to embed", true))),
            args ->
                messages(
                    new McpSchema.EmbeddedResource(
                        null,
                        new McpSchema.TextResourceContents(
                            String.valueOf(args.get("resourceUri")),
                            "text/plain",
                            "Embedded resource content for testing.")),
                    new McpSchema.TextContent("Please process the embedded resource above."))),
        new PromptSpec(
            new McpSchema.Prompt("test_prompt_with_image", "A prompt with an image", List.of()),
            args ->
                messages(
                    new McpSchema.ImageContent(null, PNG, "image/png"),
                    new McpSchema.TextContent("Please analyze the image above."))));
  }

  private static McpSchema.GetPromptResult messages(McpSchema.Content... contents) {
    return new McpSchema.GetPromptResult(
        null,
        List.of(contents).stream()
            .map(c -> new McpSchema.PromptMessage(McpSchema.Role.USER, c))
            .toList());
  }

  static Map<String, Object> noArguments() {
    return Map.of("type", "object", "properties", Map.of());
  }
}

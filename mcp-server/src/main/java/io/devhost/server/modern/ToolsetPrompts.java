package io.devhost.server.modern;

import io.devhost.core.CompletionSpec;
import io.devhost.core.PromptSpec;
import io.devhost.core.ToolException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpSyncPrompt;
import io.modelcontextprotocol.modern.server.feature.McpSyncPromptRepository;
import io.modelcontextprotocol.modern.server.feature.PromptsPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The toolsets' prompts, and the completions of their arguments, for 2026-07-28 clients. */
final class ToolsetPrompts implements McpSyncPromptRepository {

  private final Map<String, McpSyncPrompt> byName = new LinkedHashMap<>();
  private final boolean completes;

  /**
   * @param extraPrompts prompts given as the SDK's, served as they are; only the conformance
   *     fixtures
   */
  ToolsetPrompts(
      List<PromptSpec> prompts,
      Map<String, CompletionSpec> completionsByPrompt,
      List<McpSyncPrompt> extraPrompts) {
    for (PromptSpec spec : prompts) {
      var definition = ModernSchema.toModern(spec.prompt(), McpSchema.Prompt.class);
      var prompt = McpSyncPrompt.of(definition, (ctx, request) -> render(spec, request));
      CompletionSpec completion = completionsByPrompt.get(definition.name());
      byName.put(
          definition.name(),
          completion == null
              ? prompt
              : prompt.withCompletionHandler(ModernCompletions.handler(completion)));
    }
    for (McpSyncPrompt prompt : extraPrompts) {
      byName.put(prompt.definition().name(), prompt);
    }
    this.completes = !completionsByPrompt.isEmpty();
  }

  @Override
  public PromptsPage list(McpRequestContext ctx, String cursor) {
    return PromptsPage.of(byName.values().stream().map(McpSyncPrompt::definition).toList());
  }

  @Override
  public McpSyncPrompt find(McpRequestContext ctx, String name) {
    return byName.get(name);
  }

  @Override
  public boolean supportsCompletion() {
    return completes;
  }

  private static McpSyncResponse<McpSchema.GetPromptOutcome> render(
      PromptSpec spec, McpSchema.GetPromptRequest request) {
    Map<String, Object> arguments =
        request.arguments() == null ? Map.of() : new LinkedHashMap<>(request.arguments());
    try {
      return McpSyncResponse.result(
          ModernSchema.toModern(spec.renderer().apply(arguments), McpSchema.GetPromptResult.class));
    } catch (ToolException e) {
      throw ModernErrors.of(e);
    }
  }
}

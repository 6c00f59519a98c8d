package io.devhost.server.modern;

import io.devhost.core.CompletionSpec;
import io.devhost.core.ToolException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.feature.McpSyncCompletionHandler;

/** A toolset's {@link CompletionSpec} as a 2026-07-28 completion handler. */
final class ModernCompletions {

  /** The most values one answer carries; the revision's limit. */
  private static final int MAX_VALUES = 100;

  private ModernCompletions() {}

  static McpSyncCompletionHandler handler(CompletionSpec spec) {
    return (ctx, request) -> {
      try {
        var values =
            spec.completer().complete(request.argument().name(), request.argument().value());
        var limited = values.size() > MAX_VALUES ? values.subList(0, MAX_VALUES) : values;
        return McpSchema.CompleteResult.of(
            new McpSchema.CompleteResult.Completion(
                limited, values.size(), values.size() > MAX_VALUES));
      } catch (ToolException e) {
        throw ModernErrors.of(e);
      }
    };
  }
}

package io.devhost.core;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/** Suggestions for an argument of a prompt or resource template. */
public record CompletionSpec(McpSchema.CompleteReference reference, Completer completer) {

  /** Returns candidate values for {@code argument} that start with or match {@code prefix}. */
  @FunctionalInterface
  public interface Completer {
    List<String> complete(String argument, String prefix);
  }
}

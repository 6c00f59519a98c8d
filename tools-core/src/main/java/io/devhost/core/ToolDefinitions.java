package io.devhost.core;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/** Turns a {@link ToolSpec} into the definition a client sees in {@code tools/list}. */
public final class ToolDefinitions {

  private ToolDefinitions() {}

  public static McpSchema.Tool toMcpTool(ToolSpec<?, ?> spec) {
    Map<String, Object> input = JsonSchemas.of(spec.inputType());
    Map<String, Object> output = JsonSchemas.of(spec.outputType());
    return McpSchema.Tool.builder()
        .name(spec.name())
        .title(spec.title())
        .description(spec.description())
        .inputSchema(input)
        .outputSchema(output)
        .annotations(spec.annotations())
        .build();
  }
}

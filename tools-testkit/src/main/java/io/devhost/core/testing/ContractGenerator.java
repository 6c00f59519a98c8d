package io.devhost.core.testing;

import io.devhost.core.ToolSpec;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Generates a tool's definition from its spec and its records' {@code @Schema} annotations: what
 * its stored contract must say. Only tests run it; the server reads the stored file.
 */
public final class ContractGenerator {

  private ContractGenerator() {}

  public static McpSchema.Tool generate(ToolSpec<?, ?> spec) {
    return McpSchema.Tool.builder()
        .name(spec.name())
        .title(spec.title())
        .description(spec.description())
        .inputSchema(JsonSchemas.of(spec.inputType()))
        .outputSchema(JsonSchemas.of(spec.outputType()))
        .annotations(spec.annotations())
        .build();
  }
}

package io.devhost.core;

import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Turns a {@link ToolSpec} into the definition a client sees in {@code tools/list}.
 *
 * <p>Generating JSON Schemas from records by reflection took most of a cold start (about 100 ms for
 * the first tool and 15 ms for each further one on a 2-core machine). Every tool's definition is
 * therefore stored beside its code as a contract file, {@value #CONTRACTS}{@code <tool>.json},
 * which the contract tests keep equal to the generated one (see ToolContractSnapshots); at run time
 * the stored file is read, and generation is only the fallback for a tool that has none yet.
 */
public final class ToolDefinitions {

  /** Classpath folder of the stored contracts; one file per tool, named after the tool. */
  public static final String CONTRACTS = "META-INF/devhost/tool-contracts/";

  private ToolDefinitions() {}

  public static McpSchema.Tool toMcpTool(ToolSpec<?, ?> spec) {
    McpSchema.Tool stored = stored(spec);
    return stored != null ? stored : generate(spec);
  }

  /** The definition generated from the spec's records, ignoring any stored contract. */
  public static McpSchema.Tool generate(ToolSpec<?, ?> spec) {
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

  private static McpSchema.Tool stored(ToolSpec<?, ?> spec) {
    ClassLoader loader = spec.inputType().getClassLoader();
    try (InputStream in = loader.getResourceAsStream(CONTRACTS + spec.name() + ".json")) {
      return in == null ? null : Json.MAPPER.readValue(in, McpSchema.Tool.class);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable tool contract for " + spec.name(), e);
    }
  }
}

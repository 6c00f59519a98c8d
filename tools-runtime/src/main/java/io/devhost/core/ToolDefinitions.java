package io.devhost.core;

import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Turns a {@link ToolSpec} into the definition a client sees in {@code tools/list}: the contract
 * stored beside the tool's code, {@value #CONTRACTS}{@code <tool>.json}.
 *
 * <p>Generating JSON Schemas from records by reflection took most of a cold start (about 100 ms for
 * the first tool and 15 ms for each further one on a 2-core machine), so the server never does it:
 * each module's contract test generates the definition from the records and keeps the stored file
 * equal to it (tools-testkit's {@code ToolContractSnapshots}). A tool without a stored contract is
 * a packaging mistake and stops the server at start-up with a message that says how to fix it.
 */
public final class ToolDefinitions {

  /** Classpath folder of the stored contracts; one file per tool, named after the tool. */
  public static final String CONTRACTS = "META-INF/devhost/tool-contracts/";

  private ToolDefinitions() {}

  /**
   * The stored definition of a tool.
   *
   * @throws IllegalStateException when the tool's module ships no contract for it, or an unreadable
   *     one
   */
  public static McpSchema.Tool toMcpTool(ToolSpec<?, ?> spec) {
    String resource = CONTRACTS + spec.name() + ".json";
    ClassLoader loader = spec.inputType().getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "The tool "
                + spec.name()
                + " has no stored contract "
                + resource
                + " beside its code. Write it with its module's contract test:"
                + " ./mvnw test -pl <module> -Ddevhost.updateSnapshots=true, and commit the file.");
      }
      return Json.MAPPER.readValue(in, McpSchema.Tool.class);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable tool contract " + resource, e);
    }
  }
}

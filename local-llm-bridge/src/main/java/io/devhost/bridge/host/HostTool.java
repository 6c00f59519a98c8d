package io.devhost.bridge.host;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * A tool as the model sees it.
 *
 * @param name the name the model calls: the server's own name, or {@code server.tool} when two
 *     servers offer a tool of that name
 * @param server the server that runs it
 * @param tool the definition the server gave (schema, annotations)
 */
public record HostTool(String name, String server, McpSchema.Tool tool) {

  /** True only when the server declared it read-only; unannotated tools may write (MCP default). */
  public boolean readOnly() {
    return tool.annotations() != null && Boolean.TRUE.equals(tool.annotations().readOnlyHint());
  }

  /** Destructive unless declared otherwise, for tools that are not read-only (MCP default). */
  public boolean destructive() {
    return !readOnly()
        && (tool.annotations() == null
            || !Boolean.FALSE.equals(tool.annotations().destructiveHint()));
  }
}

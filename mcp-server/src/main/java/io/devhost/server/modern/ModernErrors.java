package io.devhost.server.modern;

import io.devhost.core.ToolException;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;

/** A toolset's {@link ToolException} outside a tool call, as a 2026-07-28 JSON-RPC error. */
final class ModernErrors {

  private ModernErrors() {}

  /**
   * Bad input and unknown names are invalid params (the revision answers an unknown resource so);
   * anything else is an internal error. The message is the toolset's own, written for the user.
   */
  static McpException of(ToolException e) {
    int code =
        switch (e.kind()) {
          case INVALID_ARGUMENT, NOT_FOUND, TOO_LARGE -> McpSchema.ErrorCodes.INVALID_PARAMS;
          default -> McpSchema.ErrorCodes.INTERNAL_ERROR;
        };
    return new McpException(code, e.getMessage());
  }
}

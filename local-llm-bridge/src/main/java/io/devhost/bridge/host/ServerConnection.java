package io.devhost.bridge.host;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * One connected MCP server, whichever protocol era it speaks. Tools and results are given in one
 * shape (the SDK's wire types) so the planner never learns which era a server is.
 */
interface ServerConnection extends AutoCloseable {

  /** What the server says it is, its era, and the transport: "fs 1.0 (2026-07-28) over stdio". */
  String description();

  /** Every tool the server lists, all pages. */
  List<McpSchema.Tool> tools();

  /** Calls a tool; a failure to reach the server is thrown, a tool error is a result. */
  McpSchema.CallToolResult call(String tool, Map<String, Object> arguments);

  @Override
  void close();
}

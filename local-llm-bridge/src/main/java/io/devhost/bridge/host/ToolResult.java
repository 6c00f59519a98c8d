package io.devhost.bridge.host;

/**
 * What a tool call returned, as text.
 *
 * @param error true when the tool (or the call) failed; {@code text} then says why
 * @param text the result's text content, or its structured content as JSON when it has no text
 */
public record ToolResult(boolean error, String text) {}

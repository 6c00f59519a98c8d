package io.devhost.core;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.function.Function;

/**
 * A family of resources named by an RFC 6570 URI template, and the function that reads one of them
 * given the requested URI.
 */
public record ResourceTemplateSpec(
    McpSchema.ResourceTemplate template, Function<String, McpSchema.ReadResourceResult> reader) {}

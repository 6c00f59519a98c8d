package io.devhost.core;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.function.Function;

/** A fixed resource and the function that reads it, given the requested URI. */
public record ResourceSpec(
    McpSchema.Resource resource, Function<String, McpSchema.ReadResourceResult> reader) {}

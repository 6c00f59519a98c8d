package io.devhost.core;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.function.Function;

/** A prompt template and the function that fills it from the client's arguments. */
public record PromptSpec(
    McpSchema.Prompt prompt, Function<Map<String, Object>, McpSchema.GetPromptResult> renderer) {}

package io.devhost.server.conformance;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/** The {@code test_*} tools of the conformance suite; see {@link ConformanceFixtures}. */
final class ConformanceTools {

  /** A WAV header with no samples: the smallest valid audio file. */
  private static final String WAV = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=";

  private ConformanceTools() {}

  static List<McpServerFeatures.SyncToolSpecification> all() {
    return List.of(
        tool("test_simple_text", (ex, req) -> text("This is a simple text response for testing.")),
        tool(
            "test_image_content",
            (ex, req) ->
                result(new McpSchema.ImageContent(null, ConformanceFixtures.PNG, "image/png"))),
        tool(
            "test_audio_content",
            (ex, req) -> result(new McpSchema.AudioContent(null, WAV, "audio/wav"))),
        tool(
            "test_embedded_resource",
            (ex, req) ->
                result(
                    new McpSchema.EmbeddedResource(
                        null,
                        new McpSchema.TextResourceContents(
                            "test://embedded-resource",
                            "text/plain",
                            "This is an embedded resource content.")))),
        tool(
            "test_multiple_content_types",
            (ex, req) ->
                result(
                    new McpSchema.TextContent("Multiple content types test:"),
                    new McpSchema.ImageContent(null, ConformanceFixtures.PNG, "image/png"),
                    new McpSchema.EmbeddedResource(
                        null,
                        new McpSchema.TextResourceContents(
                            "test://mixed-content-resource",
                            "application/json",
                            "{\"test\":\"data\",\"value\":123}")))),
        tool("test_tool_with_logging", ConformanceTools::withLogging),
        tool("test_tool_with_progress", ConformanceTools::withProgress),
        tool(
            "test_error_handling",
            (ex, req) ->
                McpSchema.CallToolResult.builder()
                    .addTextContent("This tool intentionally returns an error for testing")
                    .isError(true)
                    .build()),
        tool("test_sampling", stringArgument("prompt"), ConformanceTools::sampling),
        tool("test_elicitation", stringArgument("message"), ConformanceTools::elicitation),
        tool(
            "test_elicitation_sep1034_defaults",
            (ex, req) -> elicit(ex, "Please review the defaults", defaultsSchema())),
        tool(
            "test_elicitation_sep1330_enums",
            (ex, req) -> elicit(ex, "Please choose options", enumsSchema())),
        tool("json_schema_2020_12_tool", schema202012(), (ex, req) -> text("ok")));
  }

  private static McpServerFeatures.SyncToolSpecification tool(
      String name,
      BiFunction<McpSyncServerExchange, McpSchema.CallToolRequest, McpSchema.CallToolResult> call) {
    return tool(name, ConformanceFixtures.noArguments(), call);
  }

  private static McpServerFeatures.SyncToolSpecification tool(
      String name,
      Map<String, Object> inputSchema,
      BiFunction<McpSyncServerExchange, McpSchema.CallToolRequest, McpSchema.CallToolResult> call) {
    return McpServerFeatures.SyncToolSpecification.builder()
        .tool(
            McpSchema.Tool.builder()
                .name(name)
                .description("Conformance fixture " + name)
                .inputSchema(inputSchema)
                .build())
        .callHandler(call)
        .build();
  }

  private static Map<String, Object> stringArgument(String name) {
    return Map.of(
        "type", "object",
        "properties", Map.of(name, Map.of("type", "string")),
        "required", List.of(name));
  }

  private static McpSchema.CallToolResult text(String text) {
    return McpSchema.CallToolResult.builder().addTextContent(text).isError(false).build();
  }

  private static McpSchema.CallToolResult result(McpSchema.Content... contents) {
    return McpSchema.CallToolResult.builder().content(List.of(contents)).isError(false).build();
  }

  private static McpSchema.CallToolResult withLogging(
      McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    for (String message :
        List.of("Tool execution started", "Tool processing data", "Tool execution completed")) {
      exchange.loggingNotification(
          new McpSchema.LoggingMessageNotification(McpSchema.LoggingLevel.INFO, "test", message));
      pause();
    }
    return text("Logging tool completed");
  }

  private static McpSchema.CallToolResult withProgress(
      McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    Object token = request.progressToken();
    for (double done : new double[] {0, 50, 100}) {
      if (token != null) {
        exchange.progressNotification(
            new McpSchema.ProgressNotification(token, done, 100.0, null, null));
      }
      pause();
    }
    return text("Progress tool completed");
  }

  private static McpSchema.CallToolResult sampling(
      McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    var caps = exchange.getClientCapabilities();
    if (caps == null || caps.sampling() == null) {
      return McpSchema.CallToolResult.builder()
          .addTextContent("The client does not support sampling.")
          .isError(true)
          .build();
    }
    var prompt = String.valueOf(request.arguments().get("prompt"));
    var response =
        exchange.createMessage(
            McpSchema.CreateMessageRequest.builder(
                    List.of(
                        new McpSchema.SamplingMessage(
                            McpSchema.Role.USER, new McpSchema.TextContent(prompt))),
                    100)
                .build());
    String answer =
        response.content() instanceof McpSchema.TextContent t ? t.text() : "(non-text response)";
    return text("LLM response: " + answer);
  }

  private static McpSchema.CallToolResult elicitation(
      McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
    var caps = exchange.getClientCapabilities();
    if (caps == null || caps.elicitation() == null) {
      return McpSchema.CallToolResult.builder()
          .addTextContent("The client does not support elicitation.")
          .isError(true)
          .build();
    }
    return elicit(
        exchange,
        String.valueOf(request.arguments().get("message")),
        Map.of(
            "type", "object",
            "properties",
                Map.of(
                    "username", Map.of("type", "string", "description", "User's response"),
                    "email", Map.of("type", "string", "description", "User's email address")),
            "required", List.of("username", "email")));
  }

  private static McpSchema.CallToolResult elicit(
      McpSyncServerExchange exchange, String message, Map<String, Object> schema) {
    var result =
        exchange.createElicitation(
            McpSchema.ElicitRequest.builder().message(message).requestedSchema(schema).build());
    return text(
        "Elicitation completed: action="
            + result.action().name().toLowerCase(Locale.ROOT)
            + ", content="
            + result.content());
  }

  private static Map<String, Object> defaultsSchema() {
    var properties = new LinkedHashMap<String, Object>();
    properties.put("name", Map.of("type", "string", "default", "John Doe"));
    properties.put("age", Map.of("type", "integer", "default", 30));
    properties.put("score", Map.of("type", "number", "default", 95.5));
    properties.put(
        "status",
        Map.of(
            "type",
            "string",
            "enum",
            List.of("active", "inactive", "pending"),
            "default",
            "active"));
    properties.put("verified", Map.of("type", "boolean", "default", true));
    return Map.of("type", "object", "properties", properties);
  }

  private static Map<String, Object> enumsSchema() {
    var properties = new LinkedHashMap<String, Object>();
    properties.put(
        "untitledSingle",
        Map.of("type", "string", "enum", List.of("option1", "option2", "option3")));
    properties.put(
        "titledSingle",
        Map.of(
            "type",
            "string",
            "oneOf",
            List.of(
                Map.of("const", "value1", "title", "First Option"),
                Map.of("const", "value2", "title", "Second Option"),
                Map.of("const", "value3", "title", "Third Option"))));
    properties.put(
        "legacyEnum",
        Map.of(
            "type",
            "string",
            "enum",
            List.of("opt1", "opt2", "opt3"),
            "enumNames",
            List.of("Option One", "Option Two", "Option Three")));
    properties.put(
        "untitledMulti",
        Map.of(
            "type",
            "array",
            "items",
            Map.of("type", "string", "enum", List.of("option1", "option2", "option3"))));
    properties.put(
        "titledMulti",
        Map.of(
            "type",
            "array",
            "items",
            Map.of(
                "anyOf",
                List.of(
                    Map.of("const", "value1", "title", "First Choice"),
                    Map.of("const", "value2", "title", "Second Choice"),
                    Map.of("const", "value3", "title", "Third Choice")))));
    return Map.of("type", "object", "properties", properties);
  }

  private static Map<String, Object> schema202012() {
    var schema = new LinkedHashMap<String, Object>();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("type", "object");
    schema.put(
        "$defs",
        Map.of(
            "address",
            Map.of(
                "$anchor",
                "address",
                "type",
                "object",
                "properties",
                Map.of("street", Map.of("type", "string"), "city", Map.of("type", "string")))));
    schema.put(
        "properties",
        Map.of("name", Map.of("type", "string"), "address", Map.of("$ref", "#/$defs/address")));
    // Composition and conditional keywords, which a server must pass on untouched (SEP-2106).
    schema.put(
        "allOf", List.of(Map.of("anyOf", List.of(Map.of("required", List.of("name")), Map.of()))));
    schema.put("if", Map.of("required", List.of("address")));
    schema.put("then", Map.of("properties", Map.of("name", Map.of("minLength", 1))));
    schema.put("else", Map.of());
    schema.put("additionalProperties", false);
    return schema;
  }

  /** The suite expects the notifications spread out (~50 ms), as a real slow tool would. */
  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

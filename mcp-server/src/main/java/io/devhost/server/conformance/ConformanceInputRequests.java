package io.devhost.server.conformance;

import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpSyncPrompt;
import io.modelcontextprotocol.modern.server.feature.McpSyncTool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The conformance suite's multi-round-trip fixtures of the 2026-07-28 era (SEP-2322): tools, and
 * one prompt, that answer a first request with an {@code InputRequiredResult} (elicitation,
 * sampling, roots) and the retry that brings the answers with a complete result. Their {@code
 * requestState} is plain text here; the server's codec (DevHost's {@code SignedRequestState}) seals
 * it on the way out and verifies it on the way back, so a tampered state never reaches these
 * handlers. Served only with {@code --conformance-fixtures}.
 */
final class ConformanceInputRequests {

  private static final String USER_NAME = "user_name";
  private static final String CAPITAL = "capital_question";
  private static final String CLIENT_ROOTS = "client_roots";
  private static final String CONFIRM = "confirm";
  private static final String GREETING = "greeting";

  private static final McpSchema.ClientCapabilities ELICITATION =
      McpSchema.ClientCapabilities.builder().elicitation(form()).build();
  private static final McpSchema.ClientCapabilities SAMPLING =
      McpSchema.ClientCapabilities.builder().sampling().build();
  private static final McpSchema.ClientCapabilities ROOTS =
      McpSchema.ClientCapabilities.builder().roots().build();
  private static final McpSchema.ClientCapabilities ALL =
      McpSchema.ClientCapabilities.builder().elicitation(form()).sampling().roots().build();

  private ConformanceInputRequests() {}

  static List<McpSyncTool> tools() {
    return List.of(
        tool("test_input_required_result_elicitation", ELICITATION, (ctx, req) -> elicitation(req)),
        tool("test_input_required_result_sampling", SAMPLING, (ctx, req) -> sampling(req)),
        tool("test_input_required_result_list_roots", ROOTS, (ctx, req) -> listRoots(req)),
        tool(
            "test_input_required_result_request_state",
            ELICITATION,
            (ctx, req) -> confirmed(req, "request-state", "state-ok")),
        tool("test_input_required_result_multiple_inputs", ALL, (ctx, req) -> multipleInputs(req)),
        tool("test_input_required_result_multi_round", ELICITATION, (ctx, req) -> multiRound(req)),
        tool(
            "test_input_required_result_tampered_state",
            ELICITATION,
            (ctx, req) -> confirmed(req, "tampered-state", "state verified")),
        tool(
            "test_input_required_result_capabilities",
            McpSchema.ClientCapabilities.NONE,
            ConformanceInputRequests::capabilities),
        // The 2026-07-28 era has no server-to-client requests on a response stream: the question
        // goes back as an InputRequiredResult, like every other.
        tool("test_streaming_elicitation", ELICITATION, (ctx, req) -> elicitation(req)));
  }

  static List<McpSyncPrompt> prompts() {
    var definition =
        McpSchema.Prompt.builder("test_input_required_result_prompt")
            .description("Conformance fixture: a prompt that asks the user for its context")
            .build();
    return List.of(
        McpSyncPrompt.of(
            definition,
            ELICITATION,
            (ctx, request) -> McpSyncResponse.result(prompt(request.inputResponses()))));
  }

  /** A greeting for the name the user gives; asks again while no name has come. */
  private static McpSchema.CallToolOutcome elicitation(McpSchema.CallToolRequest request) {
    Map<String, Object> content = accepted(request.inputResponses(), USER_NAME);
    if (content == null || !(content.get("name") instanceof String name)) {
      return McpSchema.InputRequiredResult.builder().elicit(USER_NAME, askName()).build();
    }
    return text("Hello, " + name + "!");
  }

  private static McpSchema.CallToolOutcome sampling(McpSchema.CallToolRequest request) {
    String answer = sampled(request.inputResponses(), CAPITAL);
    if (answer == null) {
      return McpSchema.InputRequiredResult.builder()
          .createMessage(CAPITAL, sample("What is the capital of France?", 100))
          .build();
    }
    return text("The model answered: " + answer);
  }

  private static McpSchema.CallToolOutcome listRoots(McpSchema.CallToolRequest request) {
    List<String> roots = roots(request.inputResponses(), CLIENT_ROOTS);
    if (roots == null) {
      return McpSchema.InputRequiredResult.builder().listRoots(CLIENT_ROOTS).build();
    }
    return text("The client's roots: " + String.join(", ", roots));
  }

  /**
   * Asks for a confirmation with a state; completes, saying {@code verified}, when the retry brings
   * the answer and that same state back.
   */
  private static McpSchema.CallToolOutcome confirmed(
      McpSchema.CallToolRequest request, String state, String verified) {
    if (request.requestState() == null) {
      var form =
          McpSchema.ElicitFormRequest.builder(
                  "Please confirm", schema("ok", Map.of("type", "boolean")))
              .build();
      return McpSchema.InputRequiredResult.builder()
          .elicit(CONFIRM, form)
          .requestState(state)
          .build();
    }
    if (!state.equals(request.requestState())) {
      throw McpException.invalidParams("requestState does not belong to this call");
    }
    Map<String, Object> content = accepted(request.inputResponses(), CONFIRM);
    if (content == null) {
      throw McpException.invalidParams("inputResponses['confirm'] is missing or not accepted");
    }
    return text(verified + ": ok=" + content.get("ok"));
  }

  /** Elicitation, sampling and roots in one round; asks again for whatever did not come back. */
  private static McpSchema.CallToolOutcome multipleInputs(McpSchema.CallToolRequest request) {
    Map<String, Object> responses = request.inputResponses();
    Map<String, Object> person = accepted(responses, USER_NAME);
    String greeting = sampled(responses, GREETING);
    List<String> roots = roots(responses, CLIENT_ROOTS);
    if (person != null && greeting != null && roots != null) {
      return text(
          "name=" + person.get("name") + ", greeting=" + greeting + ", roots=" + roots.size());
    }
    var ask = McpSchema.InputRequiredResult.builder().requestState("multiple-inputs");
    if (person == null) {
      ask.elicit(USER_NAME, askName());
    }
    if (greeting == null) {
      ask.createMessage(GREETING, sample("Generate a greeting", 50));
    }
    if (roots == null) {
      ask.listRoots(CLIENT_ROOTS);
    }
    return ask.build();
  }

  /** Three rounds: a name, then a colour (the state carries the name), then the result. */
  private static McpSchema.CallToolOutcome multiRound(McpSchema.CallToolRequest request) {
    String state = request.requestState();
    Map<String, Object> responses = request.inputResponses();
    if (state != null && state.startsWith("multi-round:2:")) {
      Map<String, Object> color = accepted(responses, "step2");
      if (color != null && color.get("color") instanceof String c) {
        return text(state.substring("multi-round:2:".length()) + " likes " + c);
      }
      return stepTwo(state);
    }
    Map<String, Object> person =
        "multi-round:1".equals(state) ? accepted(responses, "step1") : null;
    if (person != null && person.get("name") instanceof String name) {
      return stepTwo("multi-round:2:" + name);
    }
    var form =
        McpSchema.ElicitFormRequest.builder(
                "Step 1: What is your name?", schema("name", Map.of("type", "string")))
            .build();
    return McpSchema.InputRequiredResult.builder()
        .elicit("step1", form)
        .requestState("multi-round:1")
        .build();
  }

  private static McpSchema.InputRequiredResult stepTwo(String state) {
    var form =
        McpSchema.ElicitFormRequest.builder(
                "Step 2: What is your favorite color?", schema("color", Map.of("type", "string")))
            .build();
    return McpSchema.InputRequiredResult.builder()
        .elicit("step2", form)
        .requestState(state)
        .build();
  }

  /** Asks only for what the client declared it can answer. */
  private static McpSchema.CallToolOutcome capabilities(
      McpRequestContext ctx, McpSchema.CallToolRequest request) {
    var declared = ctx.clientCapabilities();
    Map<String, Object> responses = request.inputResponses();
    var asked = new ArrayList<String>();
    var ask = McpSchema.InputRequiredResult.builder();
    if (declared.supportsElicitationForm() && accepted(responses, USER_NAME) == null) {
      ask.elicit(USER_NAME, askName());
      asked.add(USER_NAME);
    }
    if (declared.supportsSampling() && sampled(responses, CAPITAL) == null) {
      ask.createMessage(CAPITAL, sample("What is the capital of France?", 100));
      asked.add(CAPITAL);
    }
    if (declared.supportsRoots() && roots(responses, CLIENT_ROOTS) == null) {
      ask.listRoots(CLIENT_ROOTS);
      asked.add(CLIENT_ROOTS);
    }
    return asked.isEmpty() ? text("Every declared capability has answered") : ask.build();
  }

  private static McpSchema.GetPromptOutcome prompt(Map<String, Object> responses) {
    Map<String, Object> content = accepted(responses, "user_context");
    if (content == null || !(content.get("context") instanceof String context)) {
      var form =
          McpSchema.ElicitFormRequest.builder(
                  "What context should the prompt use?",
                  schema("context", Map.of("type", "string")))
              .build();
      return McpSchema.InputRequiredResult.builder().elicit("user_context", form).build();
    }
    var message =
        new McpSchema.PromptMessage(
            McpSchema.Role.USER,
            McpSchema.TextContent.builder("Answer within this context: " + context).build());
    return McpSchema.GetPromptResult.builder(List.of(message)).build();
  }

  /** The content of an accepted elicitation under {@code key}, or null. */
  private static Map<String, Object> accepted(Map<String, Object> responses, String key) {
    if (responses != null
        && responses.get(key) instanceof Map<?, ?> response
        && "accept".equals(response.get("action"))
        && response.get("content") instanceof Map<?, ?> content) {
      var copy = new LinkedHashMap<String, Object>();
      content.forEach((k, v) -> copy.put(String.valueOf(k), v));
      return copy;
    }
    return null;
  }

  /** The text of a sampling result under {@code key}, or null. */
  private static String sampled(Map<String, Object> responses, String key) {
    if (responses != null
        && responses.get(key) instanceof Map<?, ?> response
        && response.get("content") instanceof Map<?, ?> content
        && content.get("text") instanceof String text) {
      return text;
    }
    return null;
  }

  /** The root URIs of a {@code roots/list} result under {@code key}, or null. */
  private static List<String> roots(Map<String, Object> responses, String key) {
    if (responses != null
        && responses.get(key) instanceof Map<?, ?> response
        && response.get("roots") instanceof List<?> roots) {
      return roots.stream()
          .map(r -> r instanceof Map<?, ?> root ? String.valueOf(root.get("uri")) : null)
          .filter(uri -> uri != null)
          .toList();
    }
    return null;
  }

  private static McpSchema.ElicitFormRequest askName() {
    return McpSchema.ElicitFormRequest.builder(
            "What is your name?", schema("name", Map.of("type", "string")))
        .build();
  }

  private static McpSchema.CreateMessageRequest sample(String question, int maxTokens) {
    var message =
        McpSchema.SamplingMessage.builder(
                McpSchema.Role.USER, McpSchema.TextContent.builder(question).build())
            .build();
    return McpSchema.CreateMessageRequest.builder(List.of(message), maxTokens).build();
  }

  private static Map<String, Object> schema(String property, Map<String, Object> type) {
    return Map.of(
        "type", "object", "properties", Map.of(property, type), "required", List.of(property));
  }

  private static McpSchema.ClientCapabilities.Elicitation form() {
    return new McpSchema.ClientCapabilities.Elicitation(
        new McpSchema.ClientCapabilities.Elicitation.Form(), null);
  }

  private static McpSyncTool tool(
      String name,
      McpSchema.ClientCapabilities required,
      BiFunction<McpRequestContext, McpSchema.CallToolRequest, McpSchema.CallToolOutcome> handler) {
    var definition =
        McpSchema.Tool.builder(name, ConformanceFixtures.noArguments())
            .description("Conformance fixture " + name)
            .build();
    return McpSyncTool.of(
        definition,
        required,
        (ctx, request) -> McpSyncResponse.result(handler.apply(ctx, request)));
  }

  private static McpSchema.CallToolResult text(String text) {
    return McpSchema.CallToolResult.builder()
        .addContent(McpSchema.TextContent.builder(text).build())
        .isError(false)
        .build();
  }
}

package io.devhost.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.ResultLimits;
import io.devhost.core.ToolRunner;
import io.devhost.core.Toolset;
import io.devhost.core.audit.JsonlAuditLog;
import io.devhost.server.mcp.ToolCallPipeline;
import io.devhost.server.mcp.ToolCatalog;
import io.devhost.server.metrics.ToolMetrics;
import io.devhost.server.modern.ModernRoundTrips;
import io.devhost.server.modern.ModernServer;
import io.devhost.server.policy.ConfirmMode;
import io.devhost.server.policy.StateKey;
import io.devhost.server.policy.ToolTimeouts;
import io.devhost.server.policy.ToolVisibility;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.modern.JsonRpc;
import io.modelcontextprotocol.modern.server.McpServer;
import io.modelcontextprotocol.modern.server.McpTransportResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multi-round-trip fixtures, asked through DevHost's 2026-07-28 server and its signed state
 * codec, as the conformance suite asks them.
 */
class ConformanceInputRequestsTest {

  private static final Map<String, Object> ALL =
      Map.of("elicitation", Map.of(), "sampling", Map.of(), "roots", Map.of());

  @TempDir Path dir;
  private McpServer server;
  private final AtomicInteger ids = new AtomicInteger();

  @BeforeEach
  void build() {
    List<Toolset> toolsets = List.of(ConformanceFixtures.toolset());
    var catalog =
        ToolCatalog.of(toolsets, new ToolVisibility(false, Set.of(), List.of(), List.of()));
    var audit = new JsonlAuditLog(dir.resolve("audit.jsonl"), 1 << 20, 2);
    var pipeline =
        new ToolCallPipeline(
            new ToolRunner(ResultLimits.DEFAULT),
            new ToolCallPipeline.Settings(ConfirmMode.never, ToolTimeouts.parse(List.of()), 0),
            audit,
            new ToolMetrics());
    var roundTrips =
        ModernRoundTrips.create(
            pipeline, StateKey.generate(), audit, tool -> false, "test", Clock.systemUTC());
    server =
        ModernServer.build(
            toolsets,
            catalog,
            roundTrips,
            "test",
            ConformanceFixtures.modernTools(),
            ConformanceFixtures.modernPrompts());
  }

  @Test
  void elicitationAsksThenGreetsAndAsksAgainForAWrongKey() {
    var first = call("test_input_required_result_elicitation", Map.of(), ALL).result();
    assertThat(result(first)).containsEntry("resultType", "input_required");
    assertThat(inputRequest(first, "user_name")).containsEntry("method", "elicitation/create");

    var answered =
        call(
                "test_input_required_result_elicitation",
                Map.of("inputResponses", Map.of("user_name", accept(Map.of("name", "Alice")))),
                ALL)
            .result();
    assertThat(String.valueOf(result(answered).get("content"))).contains("Hello, Alice!");

    var wrong =
        call(
                "test_input_required_result_elicitation",
                Map.of("inputResponses", Map.of("wrong_key", accept(Map.of()))),
                ALL)
            .result();
    assertThat(result(wrong)).containsEntry("resultType", "input_required");
  }

  @Test
  void multiRoundCarriesItsStateAcrossThreeRequests() {
    var r1 = result(call("test_input_required_result_multi_round", Map.of(), ALL).result());
    var r2 =
        result(
            call(
                    "test_input_required_result_multi_round",
                    Map.of(
                        "inputResponses",
                        Map.of("step1", accept(Map.of("name", "Alice"))),
                        "requestState",
                        r1.get("requestState")),
                    ALL)
                .result());
    assertThat(r2).containsEntry("resultType", "input_required");
    assertThat(r2.get("requestState")).isNotEqualTo(r1.get("requestState"));
    var r3 =
        result(
            call(
                    "test_input_required_result_multi_round",
                    Map.of(
                        "inputResponses",
                        Map.of("step2", accept(Map.of("color", "blue"))),
                        "requestState",
                        r2.get("requestState")),
                    ALL)
                .result());
    assertThat(String.valueOf(r3.get("content"))).contains("Alice likes blue");
  }

  @Test
  void aTamperedStateIsRefused() {
    var first = result(call("test_input_required_result_tampered_state", Map.of(), ALL).result());
    var tampered =
        call(
            "test_input_required_result_tampered_state",
            Map.of(
                "inputResponses",
                Map.of("confirm", accept(Map.of("ok", true))),
                "requestState",
                first.get("requestState") + "-TAMPERED"),
            ALL);
    assertThat(tampered.error()).isNotNull();
    assertThat(tampered.error().code()).isEqualTo(-32602);
  }

  @Test
  void onlyDeclaredCapabilitiesAreAskedFor() {
    var asked =
        result(
            call("test_input_required_result_capabilities", Map.of(), Map.of("sampling", Map.of()))
                .result());
    @SuppressWarnings("unchecked")
    var requests = (Map<String, Map<String, Object>>) asked.get("inputRequests");
    assertThat(requests.values())
        .extracting(r -> r.get("method"))
        .containsExactly("sampling/createMessage");
  }

  @Test
  void thePromptAsksForContextThenRenders() {
    var first =
        result(
            request("prompts/get", Map.of("name", "test_input_required_result_prompt"), ALL)
                .result());
    assertThat(first).containsEntry("resultType", "input_required");
    var rendered =
        result(
            request(
                    "prompts/get",
                    Map.of(
                        "name",
                        "test_input_required_result_prompt",
                        "inputResponses",
                        Map.of("user_context", accept(Map.of("context", "tests")))),
                    ALL)
                .result());
    assertThat(String.valueOf(rendered.get("messages"))).contains("tests");
  }

  private JsonRpc.JSONRPCResponse call(
      String tool, Map<String, Object> params, Map<String, Object> capabilities) {
    var all = new LinkedHashMap<String, Object>(params);
    all.put("name", tool);
    all.put("arguments", Map.of());
    return request("tools/call", all, capabilities);
  }

  private JsonRpc.JSONRPCResponse request(
      String method, Map<String, Object> params, Map<String, Object> capabilities) {
    var all = new LinkedHashMap<String, Object>(params);
    all.put(
        "_meta",
        Map.of(
            "io.modelcontextprotocol/protocolVersion",
            ModernServer.VERSION,
            "io.modelcontextprotocol/clientCapabilities",
            capabilities));
    var response =
        server
            .handle(
                McpTransportContext.EMPTY,
                new JsonRpc.JSONRPCRequest("2.0", method, ids.incrementAndGet(), all))
            .block();
    if (response instanceof McpTransportResponse.Result r) {
      return r.response();
    }
    return ((McpTransportResponse.Error) response).response();
  }

  private static Map<String, Object> accept(Map<String, Object> content) {
    return Map.of("action", "accept", "content", content);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> result(Object result) {
    assertThat(result).isInstanceOf(Map.class);
    return (Map<String, Object>) result;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> inputRequest(Object result, String key) {
    var requests = (Map<String, Object>) result(result).get("inputRequests");
    assertThat(requests).containsKey(key);
    return (Map<String, Object>) requests.get(key);
  }
}

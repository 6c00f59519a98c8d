package io.devhost.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.Json;
import io.devhost.server.testing.ModernReplica;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

/**
 * Client roots for 2026-07-28 clients: a file tool called by a client that declares roots first
 * asks for them ({@code roots/list} in an {@code InputRequiredResult}), then for the confirmation,
 * carrying the roots in the signed state, and runs within them. The SDK's 2026-07-28 client has no
 * roots handler (the revision deprecates roots), so this test speaks raw JSON-RPC over HTTP.
 */
class ModernRootsTest {

  @TempDir Path dir;
  private Path root;
  private Path project;
  private ModernReplica replica;
  private final HttpClient http = HttpClient.newHttpClient();
  private int nextId;

  @BeforeEach
  void start() throws Exception {
    root = Files.createDirectories(dir.resolve("volume"));
    project = Files.createDirectories(root.resolve("project"));
    replica =
        ModernReplica.start(
            root,
            dir.resolve("audit.jsonl"),
            StateKey.generate(),
            Clock.systemUTC(),
            ConfirmMode.auto);
  }

  @AfterEach
  void stop() throws Exception {
    replica.close();
  }

  /** One tools/call from a client that declares roots and form elicitation. */
  private Map<String, Object> call(
      Map<String, Object> arguments, Map<String, Object> inputResponses, Object requestState)
      throws Exception {
    var params = new HashMap<String, Object>();
    params.put("name", "write_file");
    params.put("arguments", arguments);
    params.put(
        "_meta",
        Map.of(
            "io.modelcontextprotocol/protocolVersion", "2026-07-28",
            "io.modelcontextprotocol/clientCapabilities",
                Map.of("roots", Map.of(), "elicitation", Map.of("form", Map.of())),
            "io.modelcontextprotocol/clientInfo", Map.of("name", "raw-client", "version", "1")));
    if (inputResponses != null) {
      params.put("inputResponses", inputResponses);
      params.put("requestState", requestState);
    }
    String body =
        Json.MAPPER.writeValueAsString(
            Map.of("jsonrpc", "2.0", "id", ++nextId, "method", "tools/call", "params", params));
    var request =
        HttpRequest.newBuilder(replica.endpoint())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("Mcp-Method", "tools/call")
            .header("Mcp-Name", "write_file")
            .header("MCP-Protocol-Version", "2026-07-28")
            .header("Authorization", "Bearer alice-token")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    String text = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    String json =
        text.lines()
            .filter(l -> l.startsWith("data:"))
            .map(l -> l.substring("data:".length()).trim())
            .reduce((first, last) -> last)
            .orElse(text);
    var response = Json.MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {});
    assertThat(response).as(text).containsKey("result");
    @SuppressWarnings("unchecked")
    var result = (Map<String, Object>) response.get("result");
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> inputRequest(Map<String, Object> result, String key) {
    assertThat(result).containsEntry("resultType", "input_required");
    return (Map<String, Object>) ((Map<String, Object>) result.get("inputRequests")).get(key);
  }

  private static final Map<String, Object> ACCEPT =
      Map.of("confirm", Map.of("action", "accept", "content", Map.of("confirm", true)));

  /** Answers the roots round, then the confirmation round; returns the final result. */
  private Map<String, Object> writeWithin(Path clientRoot, Path target) throws Exception {
    var args = Map.<String, Object>of("path", target.toString(), "content", "hello");
    var first = call(args, null, null);
    assertThat(inputRequest(first, "roots")).containsEntry("method", "roots/list");

    var roots =
        Map.<String, Object>of(
            "roots", Map.of("roots", List.of(Map.of("uri", clientRoot.toUri().toString()))));
    var second = call(args, roots, first.get("requestState"));
    assertThat(inputRequest(second, "confirm")).containsEntry("method", "elicitation/create");

    return call(args, ACCEPT, second.get("requestState"));
  }

  @Test
  void aFileToolAsksForRootsThenConfirmationAndWritesWithinThem() throws Exception {
    var result = writeWithin(project, project.resolve("inside.txt"));

    assertThat(result).containsEntry("resultType", "complete").doesNotContainEntry("isError", true);
    assertThat(project.resolve("inside.txt")).hasContent("hello");
  }

  @Test
  void theClientsRootsNarrowTheSandbox() throws Exception {
    var result = writeWithin(project, root.resolve("outside-the-client-root.txt"));

    assertThat(result).containsEntry("isError", true);
    assertThat(String.valueOf(result.get("content")))
        .contains("is outside the allowed directories");
    assertThat(root.resolve("outside-the-client-root.txt")).doesNotExist();
  }
}

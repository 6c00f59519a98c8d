package io.devhost.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.server.auth.OAuthSettings;
import io.devhost.server.auth.ScopeMap;
import io.devhost.server.testing.LocalIssuer;
import io.devhost.server.testing.TestServer;
import io.modelcontextprotocol.modern.McpSchema;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OAuth scopes hold for 2026-07-28 clients as for sessions: a read-only token sees no tool that
 * writes and cannot call one, and the audit log names the caller and the client of every call.
 */
class ModernOAuthTest {

  @TempDir static Path dir;
  static LocalIssuer issuer;
  static TestServer server;
  static String audience;

  @BeforeAll
  static void start() throws Exception {
    issuer = LocalIssuer.start();
    server =
        TestServer.start(
            dir,
            TestServer.Config.defaults()
                .withOAuth(new OAuthSettings(issuer.issuer(), null, null, ScopeMap.DEFAULT)));
    audience = server.uri("/mcp").toString();
  }

  @AfterAll
  static void stop() {
    server.close();
    issuer.close();
  }

  @Test
  void aReadOnlyTokenSeesAndCallsNoWritingTool() throws Exception {
    String token = issuer.token(audience, "reader", "devhost:read");
    var client = server.modernClient(token);

    var names = client.tools().list().tools().stream().map(McpSchema.Tool::name).toList();
    // The SDK's client will not call a tool it was not shown; a hand-made request does.
    var call = callWriteNote(token);

    assertThat(names).contains("read_text_file", "echo").doesNotContain("write_note");
    assertThat(call.statusCode()).isEqualTo(403);
    assertThat(call.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("insufficient_scope");
    var refusal = lastRecordOf("write_note");
    assertThat(refusal).containsEntry("caller", "reader");
    assertThat(refusal.get("decision")).isNotEqualTo("allowed");
  }

  @Test
  void aWriteTokenCallsAWritingToolAndTheRecordNamesCallerAndClient() throws Exception {
    var client =
        server.modernClient(issuer.token(audience, "writer", "devhost:read devhost:write"));

    var result = client.tool("write_note").arguments(Map.of("text", "allowed")).call();

    assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(lastRecordOf("write_note"))
        .containsEntry("caller", "writer")
        .containsEntry("client", "devhost-modern-test")
        // A client that declares no elicitation is trusted to ask its user (--confirm auto).
        .containsEntry("decision", "client_approval");
  }

  private static HttpResponse<String> callWriteNote(String token) throws Exception {
    String body =
        """
        {"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"write_note",
         "arguments":{"text":"not allowed"},
         "_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28",
                  "io.modelcontextprotocol/clientCapabilities":{}}}}
        """;
    var request =
        HttpRequest.newBuilder(server.uri("/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("Authorization", "Bearer " + token)
            .header("MCP-Protocol-Version", "2026-07-28")
            .header("Mcp-Method", "tools/call")
            .header("Mcp-Name", "write_note")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> lastRecordOf(String tool) throws Exception {
    var records = server.auditRecords().stream().filter(r -> tool.equals(r.get("tool"))).toList();
    assertThat(records).as("audit records of " + tool).isNotEmpty();
    return records.get(records.size() - 1);
  }
}

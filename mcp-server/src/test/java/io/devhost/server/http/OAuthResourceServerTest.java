package io.devhost.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.devhost.server.auth.OAuthSettings;
import io.devhost.server.auth.ScopeMap;
import io.devhost.server.testing.LocalIssuer;
import io.devhost.server.testing.RawHttp;
import io.devhost.server.testing.TestServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DevHost as an OAuth 2.1 resource server, against a local issuer whose keys this test generates:
 * every kind of bad token is refused with the spec's status and challenge, scopes decide which
 * tools a caller sees and may call, and the audit log names the caller.
 */
class OAuthResourceServerTest {

  private static final String READ = "devhost:read";
  private static final String READ_WRITE = "devhost:read devhost:write";
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

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
                .withToken(TestServer.TOKEN)
                .withOAuth(new OAuthSettings(issuer.issuer(), null, null, ScopeMap.DEFAULT)));
    audience = server.uri("/mcp").toString();
  }

  @AfterAll
  static void stop() {
    server.close();
    issuer.close();
  }

  private static RawHttp.Response post(String path, String authorization) throws Exception {
    var h = new LinkedHashMap<String, String>();
    h.put("Host", "127.0.0.1:" + server.port());
    h.put("Content-Type", "application/json");
    h.put("Accept", "application/json, text/event-stream");
    if (authorization != null) {
      h.put("Authorization", authorization);
    }
    return RawHttp.send(server.port(), "POST", path, h, INITIALIZE);
  }

  private static RawHttp.Response withToken(String token) throws Exception {
    return post("/mcp", "Bearer " + token);
  }

  /** An initialize request to {@code port} with {@code token}. */
  private static RawHttp.Response initialize(int port, String token) throws Exception {
    return RawHttp.send(
        port,
        "POST",
        "/mcp",
        Map.of(
            "Host",
            "127.0.0.1:" + port,
            "Content-Type",
            "application/json",
            "Accept",
            "application/json, text/event-stream",
            "Authorization",
            "Bearer " + token),
        INITIALIZE);
  }

  private static String metadataUrl() {
    return server.uri("/.well-known/oauth-protected-resource/mcp").toString();
  }

  private static void assertInvalidToken(RawHttp.Response response) {
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.headers().get("www-authenticate"))
        .isEqualTo("Bearer error=\"invalid_token\", resource_metadata=\"" + metadataUrl() + "\"");
    assertThat(response.body()).doesNotContainIgnoringCase("signature").doesNotContain("Exception");
  }

  private static String signed(JWTClaimsSet claims) throws Exception {
    return LocalIssuer.sign(claims, issuer.signingKey(), h -> {});
  }

  private static List<String> toolNames(String token) {
    try (var client = server.streamableClient(token, spec -> spec)) {
      return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
    }
  }

  @Test
  void protectedResourceMetadataNamesTheIssuerAndScopesWithoutAToken() throws Exception {
    for (String path :
        List.of(
            "/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp")) {
      var response =
          RawHttp.send(
              server.port(), "GET", path, Map.of("Host", "127.0.0.1:" + server.port()), null);

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body())
          .contains("\"resource\":\"" + audience + "\"")
          .contains("\"authorization_servers\":[\"" + issuer.issuer() + "\"]")
          .contains("\"scopes_supported\":[\"devhost:read\",\"devhost:write\"]");
    }
  }

  @Test
  void missingTokenGets401NamingTheMetadataAndTheScopeAndIsAudited() throws Exception {
    var response = post("/mcp", null);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.headers().get("www-authenticate"))
        .isEqualTo("Bearer scope=\"devhost:read\", resource_metadata=\"" + metadataUrl() + "\"");
    assertThat(server.auditRecords())
        .anySatisfy(r -> assertThat(r).containsEntry("decision", "unauthenticated"));
  }

  @Test
  void validTokenConnectsOverStreamableHttpAndTheAuditNamesTheCaller() throws Exception {
    String token = issuer.token(audience, "alice", READ_WRITE);
    try (var client = server.streamableClient(token, spec -> spec)) {
      var result = client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "hi")));

      assertThat(result.isError()).isFalse();
    }
    assertThat(server.auditRecords())
        .anySatisfy(
            r ->
                assertThat(r)
                    .containsEntry("tool", "echo")
                    .containsEntry("caller", "alice")
                    .containsEntry("callerClient", "test-client")
                    .containsEntry("decision", "allowed"));
  }

  @Test
  void eachCallerIsNamedInItsOwnAuditRecordsOverBothTransports() throws Exception {
    try (var bob = server.streamableClient(issuer.token(audience, "bob", READ), spec -> spec);
        var carol = server.sseClient(issuer.token(audience, "carol", READ))) {
      bob.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "from bob")));
      carol.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "from carol")));
    }
    var records = server.auditRecords();
    assertThat(records)
        .anySatisfy(
            r ->
                assertThat(r)
                    .containsEntry("caller", "bob")
                    .containsEntry("transport", "streamable-http")
                    .containsEntry("arguments", Map.of("text", "from bob")));
    assertThat(records)
        .anySatisfy(
            r ->
                assertThat(r)
                    .containsEntry("caller", "carol")
                    .containsEntry("transport", "sse")
                    .containsEntry("arguments", Map.of("text", "from carol")));
  }

  @Test
  void aSessionCannotBeUsedWithAnotherCallersToken() throws Exception {
    var opened = withToken(issuer.token(audience, "alice", READ));
    String session = opened.headers().get("mcp-session-id");
    assertThat(session).isNotNull();
    String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    var asBob = inSession(session, issuer.token(audience, "bob", READ), list);
    var asAlice = inSession(session, issuer.token(audience, "alice", READ), list);

    assertThat(asBob.status()).isEqualTo(404);
    assertThat(asAlice.status()).isEqualTo(200);
  }

  @Test
  void aLegacySseSessionCannotBePostedIntoWithAnotherCallersToken() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var stream =
        http.send(
            java.net.http.HttpRequest.newBuilder(server.uri("/sse"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + issuer.token(audience, "alice", READ))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofLines());
    try (var lines = stream.body()) {
      String endpoint =
          lines.filter(l -> l.startsWith("data:")).findFirst().orElseThrow().substring(5).strip();
      String session = endpoint.substring(endpoint.indexOf("sessionId=") + "sessionId=".length());
      var asMallory = postMessage(endpoint, issuer.token(audience, "mallory", READ), INITIALIZE);
      var asAlice = postMessage(endpoint, issuer.token(audience, "alice", READ), INITIALIZE);

      assertThat(asMallory.status()).isEqualTo(404);
      assertThat(asMallory.body()).doesNotContain("alice");
      assertThat(asAlice.status()).isEqualTo(200);
      assertThat(server.auditRecords())
          .anySatisfy(
              r ->
                  assertThat(r)
                      .containsEntry("transport", "sse")
                      .containsEntry("session", session)
                      .containsEntry("caller", "mallory")
                      .containsEntry("decision", "session_of_another_caller"));
    }
  }

  private static RawHttp.Response postMessage(String endpoint, String token, String body)
      throws Exception {
    return RawHttp.send(
        server.port(),
        "POST",
        endpoint,
        Map.of(
            "Host",
            "127.0.0.1:" + server.port(),
            "Content-Type",
            "application/json",
            "Authorization",
            "Bearer " + token),
        body);
  }

  private static RawHttp.Response inSession(String session, String token, String body)
      throws Exception {
    return RawHttp.send(
        server.port(),
        "POST",
        "/mcp",
        Map.of(
            "Host",
            "127.0.0.1:" + server.port(),
            "Content-Type",
            "application/json",
            "Accept",
            "application/json, text/event-stream",
            "Mcp-Session-Id",
            session,
            "MCP-Protocol-Version",
            "2025-11-25",
            "Authorization",
            "Bearer " + token),
        body);
  }

  @Test
  void staticTokenStillWorksAndIsNamedAsSuchInTheAudit() throws Exception {
    try (var client = server.streamableClient()) {
      client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "static")));
    }
    assertThat(server.auditRecords())
        .anySatisfy(
            r ->
                assertThat(r)
                    .containsEntry("caller", "static-token")
                    .containsEntry("arguments", Map.of("text", "static")));
  }

  @Test
  void readScopeSeesOnlyReadToolsAndCallingAWriteToolGets403NamingTheWriteScope() throws Exception {
    String reader = issuer.token(audience, "reader", READ);
    assertThat(toolNames(reader)).contains("echo", "read_text_file").doesNotContain("write_note");
    assertThat(toolNames(issuer.token(audience, "writer", READ_WRITE)))
        .contains("echo", "write_note", "delete_thing");
    String session = withToken(reader).headers().get("mcp-session-id");

    var write =
        inSession(
            session,
            reader,
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"write_note\",\"arguments\":{\"text\":\"x\"}}}");
    var read =
        inSession(
            session,
            reader,
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"echo\",\"arguments\":{\"text\":\"y\"}}}");

    assertThat(write.status()).isEqualTo(403);
    assertThat(write.headers().get("www-authenticate"))
        .isEqualTo(
            "Bearer error=\"insufficient_scope\", scope=\"devhost:read devhost:write\","
                + " resource_metadata=\""
                + metadataUrl()
                + "\"");
    assertThat(read.status()).isEqualTo(200);
    assertThat(server.auditRecords())
        .anySatisfy(
            r ->
                assertThat(r)
                    .containsEntry("tool", "write_note")
                    .containsEntry("caller", "reader")
                    .containsEntry("decision", "insufficient_scope"));
  }

  @Test
  void tokenWithoutTheReadScopeGets403InsufficientScope() throws Exception {
    var response = withToken(issuer.token(audience, "nobody", "profile email"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.headers().get("www-authenticate"))
        .isEqualTo(
            "Bearer error=\"insufficient_scope\", scope=\"devhost:read\", resource_metadata=\""
                + metadataUrl()
                + "\"");
    assertThat(server.auditRecords())
        .anySatisfy(
            r ->
                assertThat(r)
                    .containsEntry("decision", "insufficient_scope")
                    .containsEntry("caller", "nobody"));
  }

  @Test
  void expiredTokenIsRefused() throws Exception {
    Instant past = Instant.now().minusSeconds(3600);
    assertInvalidToken(
        withToken(
            signed(
                issuer
                    .claims(audience, "alice", READ)
                    .issueTime(Date.from(past.minusSeconds(300)))
                    .notBeforeTime(Date.from(past.minusSeconds(300)))
                    .expirationTime(Date.from(past))
                    .build())));
  }

  @Test
  void notYetValidTokenIsRefused() throws Exception {
    Instant future = Instant.now().plusSeconds(3600);
    assertInvalidToken(
        withToken(
            signed(
                issuer
                    .claims(audience, "alice", READ)
                    .notBeforeTime(Date.from(future))
                    .expirationTime(Date.from(future.plusSeconds(300)))
                    .build())));
  }

  @Test
  void tokenOfAnotherIssuerIsRefused() throws Exception {
    assertInvalidToken(
        withToken(
            signed(
                issuer
                    .claims(audience, "alice", READ)
                    .issuer("https://evil.example.com/realms/test")
                    .build())));
  }

  @Test
  void tokenForAnotherResourceIsRefused() throws Exception {
    assertInvalidToken(withToken(issuer.token("https://other-mcp.example.com/mcp", "alice", READ)));
  }

  @Test
  void unsignedAlgNoneTokenIsRefused() throws Exception {
    var plain =
        new PlainJWT(
            new PlainHeader.Builder().type(JOSEObjectType.JWT).build(),
            issuer.claims(audience, "alice", READ_WRITE).build());

    assertInvalidToken(withToken(plain.serialize()));
  }

  @Test
  void hs256SignedWithTheRsaPublicKeyIsRefused() throws Exception {
    // The classic key confusion: a verifier that takes alg from the header would check an HMAC
    // keyed with the public key the attacker also has.
    byte[] publicKey = issuer.signingKey().toPublicJWK().toRSAPublicKey().getEncoded();
    var jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(issuer.signingKey().getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            issuer.claims(audience, "mallory", READ_WRITE).build());
    jwt.sign(new MACSigner(java.util.Arrays.copyOf(publicKey, Math.max(32, publicKey.length))));

    assertInvalidToken(withToken(jwt.serialize()));
  }

  @Test
  void tokenInTheQueryStringIsIgnored() throws Exception {
    String token = issuer.token(audience, "alice", READ_WRITE);

    var response = post("/mcp?access_token=" + token, null);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.headers().get("www-authenticate")).doesNotContain("invalid_token");
  }

  @Test
  void garbageTokenIsRefusedWithoutInternals() throws Exception {
    assertInvalidToken(withToken("not.a.jwt"));
  }

  @Test
  void unknownKidRefetchesTheKeysOnceThenRotatedKeysWorkAndForgedKidsAreRateLimited(
      @TempDir Path own) throws Exception {
    try (var rotating = LocalIssuer.start();
        var rotated =
            TestServer.start(
                own,
                TestServer.Config.defaults()
                    .withOAuth(
                        new OAuthSettings(rotating.issuer(), null, null, ScopeMap.DEFAULT)))) {
      String aud = rotated.uri("/mcp").toString();
      try (var client = rotated.streamableClient(rotating.token(aud, "alice", READ), s -> s)) {
        assertThat(client.listTools().tools()).isNotEmpty();
      }
      assertThat(rotating.jwksFetches()).isEqualTo(1);

      rotating.rotate("key-2");
      try (var client = rotated.streamableClient(rotating.token(aud, "alice", READ), s -> s)) {
        assertThat(client.listTools().tools()).isNotEmpty();
      }
      assertThat(rotating.jwksFetches()).isEqualTo(2);

      for (int i = 0; i < 5; i++) {
        String forged =
            LocalIssuer.sign(
                rotating.claims(aud, "alice", READ).build(),
                rotating.signingKey(),
                h -> h.keyID("forged-" + System.nanoTime()));
        assertThat(initialize(rotated.port(), forged).status()).isEqualTo(401);
      }
      assertThat(rotating.jwksFetches()).isEqualTo(2);
    }
  }

  @Test
  void unreachableKeysFailClosedWith503(@TempDir Path own) throws Exception {
    int deadPort;
    try (var socket = new ServerSocket(0)) {
      deadPort = socket.getLocalPort();
    }
    try (var down =
        TestServer.start(
            own,
            TestServer.Config.defaults()
                .withOAuth(
                    new OAuthSettings(
                        issuer.issuer(),
                        URI.create("http://127.0.0.1:" + deadPort + "/jwks"),
                        null,
                        ScopeMap.DEFAULT)))) {
      String token = issuer.token(down.uri("/mcp").toString(), "alice", READ);

      var response = initialize(down.port(), token);

      assertThat(response.status()).isEqualTo(503);
      assertThat(response.body()).contains("signing keys").doesNotContain("Exception");
      assertThat(down.auditRecords())
          .anySatisfy(r -> assertThat(r).containsEntry("decision", "auth_unavailable"));
    }
  }

  @Test
  void issuerWithoutMetadataIsRefusedAtStartUpNamingWhatWasTried(@TempDir Path own) {
    URI wrong = URI.create(issuer.issuer() + "-nope");

    assertThatThrownBy(
            () ->
                TestServer.start(
                    own,
                    TestServer.Config.defaults()
                        .withOAuth(new OAuthSettings(wrong, null, null, ScopeMap.DEFAULT))))
        .hasMessageContaining("Cannot find the signing keys of --oauth-issuer " + wrong)
        .hasMessageContaining("--oauth-jwks-url");
    assertThat(Files.exists(own)).isTrue();
  }
}

package io.devhost.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.server.testing.RawHttp;
import io.devhost.server.testing.TestServer;
import io.devhost.server.testing.TestTools;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpFaultTest {

  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir, TestServer.Config.defaults());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Map<String, String> headers(String session) {
    var h = new LinkedHashMap<String, String>();
    h.put("Host", "127.0.0.1:" + server.port());
    h.put("Content-Type", "application/json");
    h.put("Accept", "application/json, text/event-stream");
    if (session != null) {
      h.put("Mcp-Session-Id", session);
    }
    return h;
  }

  private static String openSession() throws Exception {
    var init =
        RawHttp.send(
            server.port(),
            "POST",
            "/mcp",
            headers(null),
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
    String session = init.headers().get("mcp-session-id");
    RawHttp.send(
        server.port(),
        "POST",
        "/mcp",
        headers(session),
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return session;
  }

  private static String slowCall(int id, long millis) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"tools/call\",\"params\":{\"name\":\"slow_read\",\"arguments\":{\"millis\":"
        + millis
        + "}}}";
  }

  @Test
  void aClientKilledMidCallLeavesTheServerServingOthers() throws Exception {
    String session = openSession();
    byte[] body = slowCall(7, 1500).getBytes(StandardCharsets.UTF_8);
    try (var socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      var head = new StringBuilder("POST /mcp HTTP/1.1\r\n");
      headers(session).forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      socket.setSoLinger(true, 0); // an abrupt reset, like a killed process
    }

    try (var client = server.streamableClient()) {
      var result =
          client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "still up")));
      assertThat(result.isError()).isFalse();
    }
    assertThat(RawHttp.send(server.port(), "GET", "/healthz", headers(null), null).status())
        .isEqualTo(200);
  }

  @Test
  void notificationsCancelledOverHttpStopsTheRunningCall() throws Exception {
    String session = openSession();
    var call =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return RawHttp.send(
                    server.port(), "POST", "/mcp", headers(session), slowCall(42, 30_000));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    awaitRunning();

    RawHttp.send(
        server.port(),
        "POST",
        "/mcp",
        headers(session),
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":42}}");

    var response = call.get(20, TimeUnit.SECONDS);
    assertThat(response.body()).contains("cancelled");
    var records = server.auditRecords();
    assertThat(records.get(records.size() - 1)).containsEntry("errorKind", "CANCELLED");
  }

  /** Waits until a test tool's handler is on some thread's stack, so the call is running. */
  private static void awaitRunning() {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      boolean running =
          Thread.getAllStackTraces().values().stream()
              .flatMap(Arrays::stream)
              .anyMatch(frame -> frame.getClassName().startsWith(TestTools.class.getName()));
      if (running) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the slow call never started");
  }
}

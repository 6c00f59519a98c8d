package io.devhost.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.server.testing.RawHttp;
import io.devhost.server.testing.TestServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Abuse a local process could throw at the server: many idle connections, slow-header connections
 * held for 15 s, and huge bodies. A normal client must still be served throughout. About 20 s.
 */
class HttpLoadTest {

  private static final Duration HOLD = Duration.ofSeconds(15);

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

  @Test
  void idleAndSlowHeaderConnectionsDoNotStarveANormalClient() throws Exception {
    var sockets = new ArrayList<Socket>();
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try {
      for (int i = 0; i < 1000; i++) {
        sockets.add(new Socket("127.0.0.1", server.port()));
      }
      var slow = new ArrayList<Socket>();
      for (int i = 0; i < 200; i++) {
        var s = new Socket("127.0.0.1", server.port());
        s.getOutputStream().write("POST /mcp HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
        slow.add(s);
      }
      sockets.addAll(slow);
      // One header byte per slow connection per second: never a complete request.
      trickle.scheduleAtFixedRate(
          () -> slow.forEach(HttpLoadTest::sendOneHeaderByte), 1, 1, TimeUnit.SECONDS);

      long calls = 0;
      long end = System.nanoTime() + HOLD.toNanos();
      try (var client = server.streamableClient()) {
        while (System.nanoTime() < end) {
          var result =
              client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "alive")));
          assertThat(result.isError()).isFalse();
          calls++;
        }
      }
      assertThat(calls).isPositive();
      assertThat(
              RawHttp.send(server.port(), "GET", "/healthz", Map.of("Host", "127.0.0.1"), null)
                  .status())
          .isEqualTo(200);
    } finally {
      trickle.shutdownNow();
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  private static void sendOneHeaderByte(Socket socket) {
    try {
      socket.getOutputStream().write('X');
    } catch (IOException e) {
      // The server may drop a slow connection; that is the point.
    }
  }

  @Test
  void aDeclared100MbBodyIsRefusedBeforeItIsSent() throws Exception {
    try (var socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Accept: application/json, text/event-stream\r\n"
                  + "Content-Length: 104857600\r\n\r\n{")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();

      var status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);

      assertThat(status).isEqualTo("HTTP/1.1 413");
    }
  }

  @Test
  void aStreamed100MbBodyIsCutOffEarly() throws Exception {
    var sent = new AtomicLong();
    try (var socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + "Accept: application/json, text/event-stream\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      var writer =
          CompletableFuture.runAsync(
              () -> {
                byte[] chunk =
                    ("10000\r\n" + "x".repeat(0x10000) + "\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
                try {
                  while (sent.get() < 100L * 1024 * 1024) {
                    out.write(chunk);
                    sent.addAndGet(0x10000);
                  }
                } catch (IOException e) {
                  // The server closed the connection after refusing the body.
                }
              });

      var status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
      socket.close();
      writer.get(20, TimeUnit.SECONDS);

      assertThat(status).isEqualTo("HTTP/1.1 413");
      assertThat(sent.get()).isLessThan(100L * 1024 * 1024);
    }
  }
}

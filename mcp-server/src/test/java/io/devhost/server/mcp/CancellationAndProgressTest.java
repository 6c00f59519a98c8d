package io.devhost.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.ToolSpec;
import io.devhost.core.Toolset;
import io.devhost.server.testing.Pipelines;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A long tool reports progress and stops when the client sends notifications/cancelled. */
class CancellationAndProgressTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  record NoInput() {}

  record Waited(int rounds) {}

  private final CountDownLatch sawCancellation = new CountDownLatch(1);

  private final Toolset slowToolset =
      new Toolset() {
        @Override
        public String id() {
          return "test";
        }

        @Override
        public String instructions() {
          return "test";
        }

        @Override
        public List<ToolSpec<?, ?>> tools() {
          return List.of(
              ToolSpec.builder("wait_for_cancel", NoInput.class, Waited.class)
                  .description("Works until cancelled, at most 30 s.")
                  .handler(
                      (ctx, in) -> {
                        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                        int rounds = 0;
                        while (System.nanoTime() < end) {
                          ctx.progress(++rounds, null, "round " + rounds);
                          if (ctx.isCancelled()) {
                            sawCancellation.countDown();
                            ctx.throwIfCancelled();
                          }
                          Thread.sleep(5);
                        }
                        return new Waited(rounds);
                      })
                  .build());
        }
      };

  @Test
  void aCancelledCallStopsAndProgressReachesTheClient() throws Exception {
    var clientOut = new PipedOutputStream();
    var serverIn = new PipedInputStream(clientOut, 1 << 16);
    var serverOut = new PipedOutputStream();
    var clientIn = new PipedInputStream(serverOut, 1 << 16);
    var toolsets = List.of(slowToolset);
    var server =
        new Thread(
            () -> {
              try {
                StdioServer.serve(
                    cancellations ->
                        new DevhostMcpServer(
                            toolsets,
                            ToolCatalog.of(toolsets, List.of()),
                            Pipelines.unrestricted(),
                            cancellations),
                    serverIn,
                    serverOut);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    server.start();
    var reader = new BufferedReader(new InputStreamReader(clientIn, StandardCharsets.UTF_8));

    send(
        clientOut,
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
    assertThat(readUntil(reader, "id", 1).path("result").has("capabilities")).isTrue();
    send(clientOut, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    send(
        clientOut,
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"wait_for_cancel\",\"arguments\":{},\"_meta\":{\"progressToken\":\"p-7\"}}}");

    JsonNode progress = readUntil(reader, "method", "notifications/progress");
    assertThat(progress.path("params").path("progressToken").asString()).isEqualTo("p-7");

    send(
        clientOut,
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":7,\"reason\":\"user\"}}");
    assertThat(sawCancellation.await(10, TimeUnit.SECONDS)).isTrue();
    JsonNode answer = readUntil(reader, "id", 7);
    assertThat(answer.path("result").path("isError").asBoolean()).isTrue();
    assertThat(answer.toString()).contains("cancelled");

    clientOut.close();
    server.join(15_000);
    assertThat(server.isAlive()).as("server stops at end of input").isFalse();
  }

  private static void send(OutputStream out, String line) throws Exception {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static JsonNode readUntil(BufferedReader reader, String field, Object value)
      throws Exception {
    for (int i = 0; i < 10_000; i++) {
      String line = reader.readLine();
      assertThat(line).as("server closed stdout while waiting for %s=%s", field, value).isNotNull();
      JsonNode node = JSON.readTree(line);
      if (node.path(field).asString("").equals(String.valueOf(value))) {
        return node;
      }
    }
    throw new AssertionError("no message with " + field + "=" + value);
  }
}

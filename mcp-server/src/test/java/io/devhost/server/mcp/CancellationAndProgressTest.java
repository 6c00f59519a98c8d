package io.devhost.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.ToolSpec;
import io.devhost.core.Toolset;
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

  /** Its contract is stored with the test tools' (see TestToolContractsTest). */
  final Toolset slowToolset =
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
    var toolsets = List.of(slowToolset);
    var session = new PipedStdioSession(toolsets);

    session.send(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
    assertThat(session.reply(1).path("result").has("capabilities")).isTrue();
    session.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    session.send(
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"wait_for_cancel\",\"arguments\":{},\"_meta\":{\"progressToken\":\"p-7\"}}}");

    JsonNode progress = session.readUntil("method", "notifications/progress");
    assertThat(progress.path("params").path("progressToken").asString()).isEqualTo("p-7");

    session.send(
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":7,\"reason\":\"user\"}}");
    assertThat(sawCancellation.await(10, TimeUnit.SECONDS)).isTrue();
    JsonNode answer = session.readUntil("id", 7);
    assertThat(answer.path("result").path("isError").asBoolean()).isTrue();
    assertThat(answer.toString()).contains("cancelled");

    assertThat(session.closeAndAwaitStop()).as("server stops at end of input").isTrue();
  }
}

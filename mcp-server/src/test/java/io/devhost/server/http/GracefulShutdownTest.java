package io.devhost.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.server.testing.TestServer;
import io.devhost.server.testing.TestTools;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GracefulShutdownTest {

  @TempDir Path dir;

  @Test
  void aCallInFlightWhenTheServerStopsStillGetsItsResult() throws Exception {
    var server = TestServer.start(dir, TestServer.Config.defaults());
    var client = server.streamableClient();
    try {
      var call =
          CompletableFuture.supplyAsync(
              () ->
                  client.callTool(
                      new McpSchema.CallToolRequest("slow_read", Map.of("millis", 1000))));
      awaitRunning();
      server.close();

      var result = call.get(20, TimeUnit.SECONDS);
      assertThat(result.isError()).isFalse();
      assertThat(result.structuredContent().toString()).contains("slept=1000");
      assertThat(server.auditRecords())
          .anySatisfy(r -> assertThat(r).containsEntry("tool", "slow_read"));
    } finally {
      client.close();
      server.close();
    }
  }

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

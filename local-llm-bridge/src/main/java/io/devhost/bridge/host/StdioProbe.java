package io.devhost.bridge.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stdio era probe: one {@code server/discover} request written to the child, and its answer
 * read with {@link ChildProcess#readLine}, so that the transport that takes over the streams next
 * (of either era) starts at the next message.
 */
final class StdioProbe {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ID = "devhost-probe";

  /** What the probe heard. */
  sealed interface Answer {}

  /** A result: the discover result's JSON. */
  record Result(JsonNode result) implements Answer {}

  /** A JSON-RPC error: the server answered and stays usable. */
  record Error(int code, String message, JsonNode data) implements Answer {}

  /** No answer within the limit, or the output ended: the server's state is unknown. */
  record Silent(String why) implements Answer {}

  private StdioProbe() {}

  static Answer probe(Process child, Duration limit) {
    var request =
        Map.of(
            "jsonrpc",
            "2.0",
            "id",
            ID,
            "method",
            "server/discover",
            "params",
            Map.of(
                "_meta",
                Map.of(
                    "io.modelcontextprotocol/protocolVersion", ModernConnection.VERSION,
                    "io.modelcontextprotocol/clientInfo", ModernConnection.CLIENT_INFO,
                    "io.modelcontextprotocol/clientCapabilities", Map.of())));
    try {
      OutputStream in = child.getOutputStream();
      in.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
    } catch (IOException e) {
      return new Silent("the server's input closed: " + e.getMessage());
    }
    var reading = CompletableFuture.supplyAsync(() -> answer(child.getInputStream()));
    try {
      return reading.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      reading.cancel(true);
      return new Silent("no answer within " + limit.toSeconds() + " s");
    } catch (ExecutionException e) {
      return new Silent(String.valueOf(e.getCause().getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Silent("interrupted");
    }
  }

  /** Reads lines until the response to the probe; other messages before it are skipped. */
  private static Answer answer(InputStream out) {
    while (true) {
      String line = ChildProcess.readLine(out);
      if (line == null) {
        return new Silent("the server's output ended");
      }
      JsonNode message;
      try {
        message = JSON.readTree(line);
      } catch (RuntimeException e) {
        return new Silent("the server wrote something that is not JSON-RPC");
      }
      if (!ID.equals(message.path("id").asString(""))) {
        continue;
      }
      if (message.has("error")) {
        JsonNode error = message.get("error");
        return new Error(
            error.path("code").asInt(0), error.path("message").asString(""), error.get("data"));
      }
      return new Result(message.path("result"));
    }
  }
}

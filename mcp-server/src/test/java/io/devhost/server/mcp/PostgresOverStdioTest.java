package io.devhost.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.Json;
import io.devhost.core.ResultLimits;
import io.devhost.core.Toolset;
import io.devhost.pg.PgLimits;
import io.devhost.pg.PostgresToolset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

/**
 * The pg toolset through the real stdio MCP server, on the embedded PostgreSQL with the demo shop:
 * tools, the table resource template, completions and prompts as a client sees them.
 */
class PostgresOverStdioTest {

  @Test
  void theEmbeddedDemoDatabaseIsUsableThroughMcp(@TempDir Path home) throws Exception {
    Toolset pg = PostgresToolset.embedded(home.resolve("postgres"), true, false, PgLimits.DEFAULT);
    var toServer = new PipedOutputStream();
    var serverIn = new PipedInputStream(toServer, 1 << 16);
    var fromServer = new PipedInputStream(1 << 20);
    var serverOut = new PipedOutputStream(fromServer);
    var server =
        new Thread(
            () -> {
              try {
                StdioServer.serve(
                    List.of(pg),
                    ToolCatalog.of(List.of(pg), List.of()),
                    ResultLimits.DEFAULT,
                    serverIn,
                    serverOut);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    server.start();
    var replies = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
    try {
      send(
          toServer,
          1,
          "initialize",
          Map.of(
              "protocolVersion",
              "2025-11-25",
              "capabilities",
              Map.of(),
              "clientInfo",
              Map.of("name", "test", "version", "1")));
      assertThat(reply(replies).toString()).contains("databases: local");
      toServer.write(
          "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
              .getBytes(StandardCharsets.UTF_8));

      send(
          toServer,
          2,
          "tools/call",
          Map.of(
              "name",
              "query",
              "arguments",
              Map.of(
                  "sql",
                  "SELECT count(*) AS n FROM orders WHERE status = $1",
                  "params",
                  List.of("shipped"))));
      var query = result(reply(replies));
      assertThat(query.get("structuredContent").toString()).contains("rows=[[5000]]");

      send(toServer, 3, "resources/read", Map.of("uri", "postgres://local/public/orders"));
      assertThat(result(reply(replies)).toString())
          .contains("orders_customer_id_idx")
          .contains("One checkout by a customer.");

      send(
          toServer,
          4,
          "completion/complete",
          Map.of(
              "ref",
              Map.of("type", "ref/resource", "uri", "postgres://{db}/{schema}/{table}"),
              "argument",
              Map.of("name", "table", "value", "order")));
      assertThat(result(reply(replies)).toString()).contains("order_items", "order_totals");

      send(
          toServer,
          5,
          "prompts/get",
          Map.of("name", "explain_slow_query", "arguments", Map.of("sql", "SELECT 1")));
      assertThat(result(reply(replies)).toString()).contains("explain with analyze=true");

      send(
          toServer,
          6,
          "tools/call",
          Map.of("name", "query", "arguments", Map.of("sql", "DELETE FROM orders")));
      var refused = result(reply(replies));
      assertThat(refused.get("isError")).isEqualTo(true);
      assertThat(refused.toString()).contains("read-only");
    } finally {
      toServer.close();
      server.join(30_000);
    }
  }

  private static void send(OutputStream out, int id, String method, Map<String, Object> params)
      throws IOException {
    var message = Map.of("jsonrpc", "2.0", "id", id, "method", method, "params", params);
    out.write((Json.MAPPER.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static Map<String, Object> reply(BufferedReader in) throws IOException {
    String line = in.readLine();
    assertThat(line).as("a reply from the server").isNotNull();
    return Json.MAPPER.readValue(line, new TypeReference<Map<String, Object>>() {});
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> result(Map<String, Object> reply) {
    assertThat(reply).as(reply.toString()).containsKey("result");
    return (Map<String, Object>) reply.get("result");
  }
}

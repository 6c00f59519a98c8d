package io.devhost.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

/**
 * The pg toolset end to end: {@code devhost serve --toolsets pg --demo} from the built jar, spoken
 * to over stdio as a client would: tools, the table listing and schema resources, completions and
 * prompts, on the embedded PostgreSQL with the demo shop.
 */
class PostgresStdioIT {

  @Test
  void theEmbeddedDemoDatabaseIsUsableThroughMcp(@TempDir Path home) throws Exception {
    Path jar = Path.of(System.getProperty("devhost.jar", "target/devhost.jar")).toAbsolutePath();
    assertThat(jar).as("the built devhost.jar; run with ./mvnw verify").isRegularFile();
    Path data = home.resolve("postgres");
    var process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "serve",
                "--toolsets",
                "pg",
                "--demo",
                "--db-data-dir",
                data.toString())
            .redirectError(home.resolve("stderr.txt").toFile())
            .start();
    var toServer = process.getOutputStream();
    var replies =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      send(
          toServer,
          1,
          "initialize",
          Map.of(
              "protocolVersion", "2025-11-25",
              "capabilities", Map.of(),
              "clientInfo", Map.of("name", "test", "version", "1")));
      assertThat(reply(replies).toString()).contains("databases: local");
      assertThat(data).as("nothing starts before the first call").doesNotExist();
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
      assertThat(result(reply(replies)).get("structuredContent").toString())
          .contains("rows=[[5000]]");

      send(toServer, 3, "resources/read", Map.of("uri", "postgres://local"));
      assertThat(result(reply(replies)).toString()).contains("postgres://local/public/orders");

      send(toServer, 4, "resources/read", Map.of("uri", "postgres://local/public/orders"));
      assertThat(result(reply(replies)).toString())
          .contains("orders_customer_id_idx")
          .contains("One checkout by a customer.");

      send(
          toServer,
          5,
          "completion/complete",
          Map.of(
              "ref", Map.of("type", "ref/resource", "uri", "postgres://{db}/{schema}/{table}"),
              "argument", Map.of("name", "table", "value", "order")));
      assertThat(result(reply(replies)).toString()).contains("order_items", "order_totals");

      send(
          toServer,
          6,
          "prompts/get",
          Map.of("name", "explain_slow_query", "arguments", Map.of("sql", "SELECT 1")));
      assertThat(result(reply(replies)).toString()).contains("explain with analyze=true");

      send(
          toServer,
          7,
          "tools/call",
          Map.of("name", "query", "arguments", Map.of("sql", "DELETE FROM orders")));
      var refused = result(reply(replies));
      assertThat(refused.get("isError")).isEqualTo(true);
      assertThat(refused.toString()).contains("read-only");
    } finally {
      toServer.close();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    assertThat(Files.readString(home.resolve("stderr.txt"))).doesNotContain("Exception");
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

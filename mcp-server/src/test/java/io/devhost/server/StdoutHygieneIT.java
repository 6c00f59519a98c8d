package io.devhost.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Over a whole session, including errors and garbage input, stdout carries only JSON-RPC. */
class StdoutHygieneIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void everyLineOnStdoutIsJsonRpc(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("a.txt"), "hello\n");
    var process =
        new ProcessBuilder(
                DevhostJar.command(
                    "serve", "--stdio", "--roots", root.toString(), "--log-level", "debug"))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (OutputStream in = process.getOutputStream()) {
      for (String message : session()) {
        in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
      }
      in.flush();
      var lines = new ArrayList<String>();
      try (var out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while (lines.size() < 7 && (line = out.readLine()) != null) {
          lines.add(line);
        }
        in.close();
        while ((line = out.readLine()) != null) {
          lines.add(line);
        }
      }
      assertThat(process.waitFor(30, TimeUnit.SECONDS))
          .as("server exits when stdin closes")
          .isTrue();
      assertThat(lines).hasSizeGreaterThanOrEqualTo(7);
      for (String line : lines) {
        JsonNode node = JSON.readTree(line);
        assertThat(node.path("jsonrpc").asString()).as(line).isEqualTo("2.0");
        assertThat(node.has("id") || node.has("method")).as(line).isTrue();
      }
      assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"isError\":true"));
    } finally {
      process.destroyForcibly();
    }
  }

  private static List<String> session() {
    return List.of(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"hygiene\",\"version\":\"1\"}}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"read_text_file\",\"arguments\":{\"path\":\"a.txt\"}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"read_text_file\",\"arguments\":{\"path\":\"/etc/passwd\"}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"no_such_tool\",\"arguments\":{}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"no/such/method\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"debug\"}}");
  }
}

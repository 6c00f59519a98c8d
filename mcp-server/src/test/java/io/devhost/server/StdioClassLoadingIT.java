package io.devhost.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stdio server never loads the HTTP stack (Jetty, the servlet API, DevHost's HTTP transport) nor
 * the Prometheus metrics that only HTTP serves: loading them is start-up time spent on nothing.
 * Checked on the built jar with the JVM's own class-loading log, over a session that lists and
 * calls tools.
 */
class StdioClassLoadingIT {

  @TempDir Path dir;

  @Test
  void aStdioSessionLoadsNoHttpOrMetricsClass() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.writeString(root.resolve("notes.txt"), "hello\n");
    Path log = dir.resolve("classes.log");
    var cmd = new ArrayList<String>();
    cmd.add(DevhostJar.java());
    cmd.add("-Xlog:class+load=info:file=" + log);
    cmd.addAll(DevhostJar.command("serve", "--stdio", "--roots", root.toString()).subList(1, 7));
    var server = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (var in = server.getOutputStream();
        var out =
            new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      in.write(
          String.join(
                  "\n",
                  "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                      + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                      + "\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}",
                  "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                  "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                  "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{"
                      + "\"name\":\"read_text_file\",\"arguments\":{\"path\":\"notes.txt\"}}}",
                  "")
              .getBytes(StandardCharsets.UTF_8));
      in.flush();
      var answers = new ArrayList<String>();
      for (int i = 0; i < 3; i++) {
        answers.add(out.readLine());
      }
      assertThat(answers.get(2)).contains("hello").doesNotContain("\"isError\":true");
    }
    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();

    List<String> loaded = Files.readAllLines(log);
    assertThat(loaded).anyMatch(line -> line.contains("io.devhost.server.mcp.StdioServer "));
    assertThat(loaded)
        .noneMatch(line -> line.contains(" org.eclipse.jetty."))
        .noneMatch(line -> line.contains(" jakarta.servlet."))
        .noneMatch(line -> line.contains(" io.prometheus."));
    // Of DevHost's HTTP package only serve's --http flags and the settings value they make, which
    // picocli must read to know that HTTP was not asked for; never the transport itself.
    assertThat(
            loaded.stream()
                .filter(line -> line.contains(" io.devhost.server.http."))
                .map(line -> line.replaceAll(".* (io\\.devhost\\.server\\.http\\.\\S+) .*", "$1")))
        .isSubsetOf("io.devhost.server.http.HttpOptions", "io.devhost.server.http.HttpSettings");
  }
}

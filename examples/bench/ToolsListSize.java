import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client pays in context for DevHost's tools: starts a server command over stdio, asks for
 * {@code tools/list}, and prints the size of the {@code tools} array as compact JSON, in
 * characters and in tokens of two OpenAI encodings (jtokkit's cl100k_base and o200k_base; other
 * models' tokenizers differ, so the figures are an indication, characters are exact).
 *
 * <pre>
 * java -cp mcp-server/target/devhost.jar:jtokkit.jar examples/bench/ToolsListSize.java \
 *     [--record FILE] LABEL -- java -jar mcp-server/target/devhost.jar serve ...
 * </pre>
 *
 * With --record, appends "table, subject, metric, value" lines for docs/benchmarks.md.
 */
public class ToolsListSize {

  static final String TABLE = "tools/list, compact JSON of the tools array";

  public static void main(String[] args) throws Exception {
    int i = 0;
    Path record = null;
    if (args[i].equals("--record")) {
      record = Path.of(args[i + 1]);
      i += 2;
    }
    String label = args[i++];
    if (!args[i++].equals("--")) {
      throw new IllegalArgumentException("usage: [--record FILE] LABEL -- COMMAND...");
    }
    List<String> command = List.of(args).subList(i, args.length);
    JsonNode tools = toolsList(command);
    String json = tools.toString();
    var registry = Encodings.newDefaultEncodingRegistry();
    int cl100k = registry.getEncoding(EncodingType.CL100K_BASE).countTokens(json);
    int o200k = registry.getEncoding(EncodingType.O200K_BASE).countTokens(json);
    System.out.printf(
        "%s: %d tools, %d characters, %d tokens (cl100k_base), %d tokens (o200k_base)%n",
        label, tools.size(), json.length(), cl100k, o200k);
    if (record != null) {
      var lines = new ArrayList<String>();
      lines.add(String.join("\t", TABLE, label, "tools", String.valueOf(tools.size())));
      lines.add(String.join("\t", TABLE, label, "characters", String.valueOf(json.length())));
      lines.add(String.join("\t", TABLE, label, "tokens (cl100k_base)", String.valueOf(cl100k)));
      lines.add(String.join("\t", TABLE, label, "tokens (o200k_base)", String.valueOf(o200k)));
      Files.write(
          record,
          lines,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
  }

  /** The tools array the server sends, after an initialize handshake over stdio. */
  static JsonNode toolsList(List<String> command) throws Exception {
    var process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    var mapper = JsonMapper.builder().build();
    try (Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        var out =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      in.write(
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
              + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}\n"
              + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
              + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n");
      in.flush();
      for (String line; (line = out.readLine()) != null; ) {
        JsonNode message = mapper.readTree(line);
        if (message.path("id").asInt() == 2) {
          return message.path("result").path("tools");
        }
      }
      throw new IllegalStateException("the server closed stdout before answering tools/list");
    } finally {
      process.destroy();
    }
  }
}

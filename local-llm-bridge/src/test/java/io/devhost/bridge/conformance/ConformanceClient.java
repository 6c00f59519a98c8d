package io.devhost.bridge.conformance;

import io.devhost.bridge.host.ClientFeatures;
import io.devhost.bridge.host.HostTool;
import io.devhost.bridge.host.McpHost;
import io.devhost.bridge.host.ServerConfig;
import io.devhost.bridge.host.UserConsole;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bridge's MCP client as the official conformance suite's client scenarios start it: {@code
 * ConformanceClient URL}, with the scenario in {@code MCP_CONFORMANCE_SCENARIO}. It connects the
 * bridge's own host (the SDK client over Streamable HTTP, with the bridge's roots and elicitation
 * handling) to the scenario's server, calls each tool it lists with arguments built from the tool's
 * schema, and exits 0 when every call came back, 1 otherwise. Elicitations are accepted with the
 * fields left empty, which is how a user at the terminal takes the defaults (SEP-1034). Run by
 * {@code .ci/conformance.sh}.
 */
public final class ConformanceClient {

  private ConformanceClient() {}

  public static void main(String[] args) {
    String url = args[args.length - 1];
    String scenario = System.getenv().getOrDefault("MCP_CONFORMANCE_SCENARIO", "");
    var user = new TakesDefaults();
    int code = 1;
    try (var host =
        McpHost.connect(
            List.of(new ServerConfig.Http("conformance", URI.create(url), Map.of(), false)),
            new ClientFeatures(Path.of("").toAbsolutePath(), user, null),
            Duration.ofSeconds(20))) {
      boolean allReturned = true;
      for (HostTool tool : host.tools()) {
        var result = host.call(tool, arguments(tool));
        System.err.println(scenario + ": " + tool.name() + " -> " + result.text());
        allReturned &= !result.text().startsWith("the call failed");
      }
      code = allReturned ? 0 : 1;
    } catch (RuntimeException e) {
      System.err.println(scenario + ": " + e.getMessage());
    }
    System.exit(code);
  }

  /** Required arguments from the schema: numbers 1 and 2, strings "x", booleans true. */
  private static Map<String, Object> arguments(HostTool tool) {
    var out = new LinkedHashMap<String, Object>();
    Map<String, Object> schema = tool.tool().inputSchema();
    if (schema != null
        && schema.get("properties") instanceof Map<?, ?> properties
        && schema.get("required") instanceof List<?> required) {
      int n = 1;
      for (Object name : required) {
        Object type = properties.get(name) instanceof Map<?, ?> p ? p.get("type") : "string";
        out.put(
            String.valueOf(name),
            switch (String.valueOf(type)) {
              case "number", "integer" -> n++;
              case "boolean" -> true;
              default -> "x";
            });
      }
    }
    return out;
  }

  /** Agrees to answer and leaves every field empty: the defaults. */
  private static final class TakesDefaults implements UserConsole {
    @Override
    public boolean interactive() {
      return true;
    }

    @Override
    public String ask(String question) {
      System.err.println(question);
      return question.endsWith("[y/N] ") ? "y" : "";
    }
  }
}

package io.devhost.bridge.host;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Claude-Desktop-style {@code {"mcpServers": {...}}} file. Each entry has either {@code
 * command} (with {@code args}, {@code env}, {@code cwd}) or {@code url} (with {@code headers}, and
 * {@code type}: {@code sse} for the legacy transport, else Streamable HTTP). {@code ${env:VAR}} in
 * any string is replaced by the environment variable; a missing one is an error naming the key. As
 * in Cline and Roo, {@code "disabled": true} leaves a server out and {@code "alwaysAllow": [tool,
 * …]} lists the tools that may run without asking.
 */
public final class McpServersFile {

  private static final Pattern ENV_REF = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private McpServersFile() {}

  /** A problem in the file, with the key it is at. */
  public static final class Invalid extends IllegalArgumentException {
    Invalid(String message) {
      super(message);
    }
  }

  /**
   * What the file says: the servers to connect (disabled ones left out) and, per server, the tools
   * the user allows without asking.
   */
  public record Contents(List<ServerConfig> servers, Map<String, List<String>> alwaysAllow) {
    public Contents {
      servers = List.copyOf(servers);
      alwaysAllow = Map.copyOf(alwaysAllow);
    }
  }

  public static List<ServerConfig> read(Path file, Map<String, String> env) {
    return load(file, env).servers();
  }

  public static Contents load(Path file, Map<String, String> env) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new Invalid("cannot read --mcp-config " + file + ": " + e.getMessage());
    } catch (JacksonException e) {
      throw new Invalid(file + " is not valid JSON: " + e.getOriginalMessage());
    }
    return parse(root, env, file.toAbsolutePath().getParent(), file.toString());
  }

  static Contents parse(JsonNode root, Map<String, String> env, Path base, String src) {
    JsonNode servers = root.path("mcpServers");
    if (!servers.isObject() || servers.isEmpty()) {
      throw new Invalid(
          src + ": expected {\"mcpServers\": {\"name\": {...}}} with one server or more");
    }
    var configs = new ArrayList<ServerConfig>();
    var alwaysAllow = new LinkedHashMap<String, List<String>>();
    for (var entry : servers.properties()) {
      String name = entry.getKey();
      String at = src + ": mcpServers." + name;
      if (!name.matches("[A-Za-z0-9_-]+")) {
        throw new Invalid(at + ": a server name may use letters, digits, _ and - only");
      }
      JsonNode s = entry.getValue();
      if (!s.isObject()) {
        throw new Invalid(at + ": expected an object with \"command\" or \"url\"");
      }
      if (disabled(s, at)) {
        continue;
      }
      alwaysAllow.put(name, toolNames(s.get("alwaysAllow"), at + ".alwaysAllow"));
      if (s.has("command") == s.has("url")) {
        throw new Invalid(at + ": give either \"command\" (stdio) or \"url\" (HTTP)");
      }
      if (s.has("command")) {
        var args = new ArrayList<String>();
        s.path("args").forEach(a -> args.add(expand(a.asString(), env, at + ".args")));
        String cwd = s.has("cwd") ? expand(s.get("cwd").asString(), env, at + ".cwd") : null;
        configs.add(
            new ServerConfig.Stdio(
                name,
                expand(s.get("command").asString(), env, at + ".command"),
                args,
                strings(s.path("env"), env, at + ".env"),
                cwd == null ? null : base.resolve(cwd)));
      } else {
        String type = s.path("type").asString(s.path("transport").asString(""));
        URI url = URI.create(expand(s.get("url").asString(), env, at + ".url"));
        boolean sse =
            type.equalsIgnoreCase("sse") || (type.isEmpty() && url.getPath().endsWith("/sse"));
        configs.add(
            new ServerConfig.Http(
                name, url, strings(s.path("headers"), env, at + ".headers"), sse));
      }
    }
    if (configs.isEmpty()) {
      throw new Invalid(src + ": every server in mcpServers is \"disabled\"; enable one or more");
    }
    return new Contents(configs, alwaysAllow);
  }

  private static boolean disabled(JsonNode server, String at) {
    JsonNode d = server.get("disabled");
    if (d != null && !d.isBoolean()) {
      throw new Invalid(at + ".disabled: expected true or false, got " + d);
    }
    return d != null && d.asBoolean();
  }

  private static List<String> toolNames(JsonNode list, String at) {
    if (list == null) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new Invalid(at + ": expected a list of tool names, e.g. [\"query\"], got " + list);
    }
    var names = new ArrayList<String>();
    for (JsonNode n : list) {
      if (!n.isString() || n.asString().isBlank()) {
        throw new Invalid(at + ": every entry must be a tool name (a string), got " + n);
      }
      names.add(n.asString().strip());
    }
    return names;
  }

  private static Map<String, String> strings(JsonNode object, Map<String, String> env, String at) {
    var map = new LinkedHashMap<String, String>();
    for (var e : object.properties()) {
      map.put(e.getKey(), expand(e.getValue().asString(), env, at + "." + e.getKey()));
    }
    return map;
  }

  static String expand(String value, Map<String, String> env, String at) {
    Matcher m = ENV_REF.matcher(value);
    var out = new StringBuilder();
    while (m.find()) {
      String v = env.get(m.group(1));
      if (v == null) {
        throw new Invalid(at + ": environment variable " + m.group(1) + " is not set");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    return m.appendTail(out).toString();
  }
}

package io.devhost.bridge.trust;

import io.devhost.bridge.host.HostTool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tools the user trusts to run without asking, and those never to trust, each named {@code
 * server.tool} with where the user said so: {@code "alwaysAllow"} in the {@code --mcp-config} file,
 * {@code --trust} or {@code --distrust}. Only the user writes this list; nothing a model or a
 * server says changes it. A distrusted tool is asked about even when its server declares it
 * read-only.
 */
public final class TrustList {

  public static final TrustList NONE = new TrustList(Map.of(), Set.of());

  private final Map<String, String> trusted;
  private final Set<String> distrusted;

  /**
   * @param trusted {@code server.tool} to the place the trust was given
   * @param distrusted {@code server.tool} names; a name here wins over a trust
   */
  public TrustList(Map<String, String> trusted, Set<String> distrusted) {
    this.trusted = Map.copyOf(trusted);
    this.distrusted = Set.copyOf(distrusted);
  }

  /**
   * Builds the list from the config file's {@code alwaysAllow} entries (server to tools) and the
   * flags, each a {@code SERVER.TOOL}.
   */
  public static TrustList of(
      Map<String, List<String>> alwaysAllow,
      String configFile,
      List<String> trustFlags,
      List<String> distrustFlags) {
    var trusted = new LinkedHashMap<String, String>();
    alwaysAllow.forEach(
        (server, tools) ->
            tools.forEach(
                t ->
                    trusted.put(
                        server + "." + t, configFile + ": mcpServers." + server + ".alwaysAllow")));
    for (String flag : trustFlags) {
      trusted.put(qualified("--trust", flag), "--trust " + flag);
    }
    var distrusted = new LinkedHashSet<String>();
    for (String flag : distrustFlags) {
      distrusted.add(qualified("--distrust", flag));
    }
    return new TrustList(trusted, distrusted);
  }

  private static String qualified(String option, String value) {
    String v = value == null ? "" : value.strip();
    int dot = v.indexOf('.');
    if (dot <= 0 || dot == v.length() - 1) {
      throw new IllegalArgumentException(
          option
              + " takes SERVER.TOOL (the server's name in --mcp-config, then the tool), e.g. "
              + option
              + " postgres.query; got '"
              + value
              + "'");
    }
    return v;
  }

  /** Where the user trusted this tool, or empty when they did not (or distrusted it). */
  public Optional<String> trustedBecause(HostTool tool) {
    String key = key(tool);
    return distrusted.contains(key) ? Optional.empty() : Optional.ofNullable(trusted.get(key));
  }

  public boolean distrusted(HostTool tool) {
    return distrusted.contains(key(tool));
  }

  private static String key(HostTool tool) {
    return tool.server() + "." + tool.tool().name();
  }

  /**
   * Fails when an entry names a server or tool that is not there, so a typo does not silently leave
   * a task without its trusted tool (or a tool the user meant to distrust trusted by its server).
   */
  public void checkAgainst(List<HostTool> tools) {
    Map<String, List<String>> byServer = new LinkedHashMap<>();
    tools.forEach(
        t -> byServer.computeIfAbsent(t.server(), s -> new ArrayList<>()).add(t.tool().name()));
    var named = new LinkedHashMap<String, String>(trusted);
    distrusted.forEach(d -> named.putIfAbsent(d, "--distrust " + d));
    named.forEach(
        (key, where) -> {
          int dot = key.indexOf('.');
          String server = key.substring(0, dot);
          String tool = key.substring(dot + 1);
          List<String> offered = byServer.get(server);
          if (offered == null) {
            throw new IllegalArgumentException(
                where
                    + ": there is no server '"
                    + server
                    + "'; the servers are "
                    + byServer.keySet());
          }
          if (!offered.contains(tool)) {
            throw new IllegalArgumentException(
                where
                    + ": server '"
                    + server
                    + "' has no tool '"
                    + tool
                    + "'; its tools are "
                    + offered);
          }
        });
  }

  /**
   * One line per entry, for the chat's {@code /approve}: what is trusted or distrusted, and why.
   */
  public List<String> describe() {
    var lines = new ArrayList<String>();
    trusted.forEach(
        (key, where) -> {
          if (!distrusted.contains(key)) {
            lines.add(key + " runs without asking (" + where + ")");
          }
        });
    distrusted.forEach(d -> lines.add(d + " is always asked about (--distrust)"));
    return lines;
  }
}

package io.devhost.bridge.host;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a server's protocol era and connects in it, as the 2026-07-28 revision asks of a client
 * that speaks both: {@code server/discover} first; a discover result (or an unsupported-version
 * error) is a stateless server, any other answer, or none within the probe time, a handshake-era
 * one. A stdio server that failed the probe is started afresh before {@code initialize}, since it
 * may be in an undefined state after an unknown request. The legacy SSE transport is handshake-era
 * by definition and is not probed.
 */
final class ServerConnections {

  private static final Logger LOG = LoggerFactory.getLogger(ServerConnections.class);

  /**
   * The longest wait for the probe's answer. A handshake-era server may stay silent on an unknown
   * request, so this bounds the cost of asking; it covers a JVM server's start on a busy machine.
   */
  static final Duration PROBE_LIMIT = Duration.ofSeconds(30);

  private ServerConnections() {}

  static ServerConnection open(
      ServerConfig server, ClientFeatures features, Duration requestTimeout) {
    if (server instanceof ServerConfig.Http h && h.sse()) {
      return LegacyConnection.open(server, features, requestTimeout);
    }
    Duration probe = requestTimeout.compareTo(PROBE_LIMIT) < 0 ? requestTimeout : PROBE_LIMIT;
    try {
      return ModernConnection.open(server, features, requestTimeout, probe);
    } catch (ModernConnection.NotModern e) {
      LOG.debug(
          "MCP server '{}' did not answer server/discover ({}); connecting with initialize",
          server.name(),
          e.getMessage());
      return LegacyConnection.open(server, features, requestTimeout);
    }
  }

  static String transportName(ServerConfig server) {
    if (server instanceof ServerConfig.Http h) {
      return h.sse() ? "SSE " + h.url() : "Streamable HTTP " + h.url();
    }
    return "stdio";
  }

  /** This process's environment with the server's own variables over it. */
  static Map<String, String> environment(ServerConfig.Stdio server) {
    var env = new HashMap<>(System.getenv());
    env.putAll(server.env());
    return env;
  }
}

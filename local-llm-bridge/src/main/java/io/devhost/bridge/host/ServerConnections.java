package io.devhost.bridge.host;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a server's protocol era and connects in it, as the 2026-07-28 revision asks of a client
 * that speaks both: {@code server/discover} first; a discover result (or an unsupported-version
 * error) is a stateless server, any other answer, or none within the probe time, a handshake-era
 * one. The legacy SSE transport is handshake-era by definition and is not probed.
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
    Duration probe = requestTimeout.compareTo(PROBE_LIMIT) < 0 ? requestTimeout : PROBE_LIMIT;
    if (server instanceof ServerConfig.Stdio stdio) {
      return overStdio(stdio, features, requestTimeout, probe);
    }
    var http = (ServerConfig.Http) server;
    if (http.sse()) {
      return LegacyConnection.open(server, features, requestTimeout);
    }
    try {
      return ModernConnection.overHttp(http, features, requestTimeout, probe);
    } catch (ModernConnection.NotModern e) {
      fallingBack(server, e.getMessage());
      return LegacyConnection.open(server, features, requestTimeout);
    }
  }

  /**
   * A server that answered the probe, with an error or a result of no version, is in a known state
   * and keeps its process; one that stayed silent is started afresh for {@code initialize}.
   */
  private static ServerConnection overStdio(
      ServerConfig.Stdio server, ClientFeatures features, Duration requestTimeout, Duration probe) {
    Process child = ChildProcess.start(server);
    try {
      StdioProbe.Answer answer = StdioProbe.probe(child, probe);
      if (answer instanceof StdioProbe.Result r) {
        try {
          return ModernConnection.overStdio(server, child, r.result(), features, requestTimeout);
        } catch (ModernConnection.NotModern e) {
          fallingBack(server, e.getMessage());
          return LegacyConnection.overProcess(server, child, features, requestTimeout);
        }
      }
      if (answer instanceof StdioProbe.Error e) {
        if (e.code() == ModernConnection.UNSUPPORTED_VERSION) {
          throw ModernConnection.speaksNoneOfOurs(String.valueOf(e.data()), null);
        }
        fallingBack(server, e.code() + " " + e.message());
        return LegacyConnection.overProcess(server, child, features, requestTimeout);
      }
      fallingBack(server, ((StdioProbe.Silent) answer).why());
      ChildProcess.stop(child);
      return LegacyConnection.open(server, features, requestTimeout);
    } catch (RuntimeException e) {
      ChildProcess.stop(child);
      throw e;
    }
  }

  private static void fallingBack(ServerConfig server, String why) {
    LOG.debug(
        "MCP server '{}' is not of the 2026-07-28 era ({}); connecting with initialize",
        server.name(),
        why);
  }

  static String transportName(ServerConfig server) {
    if (server instanceof ServerConfig.Http h) {
      return h.sse() ? "SSE " + h.url() : "Streamable HTTP " + h.url();
    }
    return "stdio";
  }
}

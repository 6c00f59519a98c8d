package io.devhost.server.modern;

import io.devhost.core.Json;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Which protocol era a message belongs to, decided per message as the 2026-07-28 revision's
 * backward-compatibility rules describe: a request that claims a protocol version in its {@code
 * _meta} is modern; so is {@code server/discover}, a method only the modern era has; on HTTP, an
 * {@code MCP-Protocol-Version} header naming a version that is not one of the handshake revisions
 * marks the request modern too, so a client that means to be modern but sent no usable {@code
 * _meta} gets the modern era's error instead of a silent legacy answer. Everything else, every
 * {@code initialize} handshake included, is legacy.
 */
public enum Era {
  LEGACY,
  MODERN;

  /** The revisions that open a session with {@code initialize}. */
  public static final Set<String> HANDSHAKE_VERSIONS =
      Set.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");

  static final String VERSION_KEY = "io.modelcontextprotocol/protocolVersion";

  /**
   * @param method the JSON-RPC method, or null when the message has none (a response)
   * @param params the message's params, or null
   * @param versionHeader the {@code MCP-Protocol-Version} header, or null (always null on stdio)
   */
  public static Era of(String method, Object params, String versionHeader) {
    if ("server/discover".equals(method) || claimsVersion(params)) {
      return MODERN;
    }
    if (versionHeader != null && !HANDSHAKE_VERSIONS.contains(versionHeader.trim())) {
      return MODERN;
    }
    return LEGACY;
  }

  /**
   * The era of one message as it came over the wire; text that is not one JSON-RPC object is
   * legacy, whose transport answers it with its error.
   *
   * @param versionHeader the {@code MCP-Protocol-Version} header, or null (always null on stdio)
   */
  public static Era ofMessage(String json, String versionHeader) {
    try {
      JsonNode message = Json.MAPPER.readTree(json);
      if (message == null || !message.isObject()) {
        return LEGACY;
      }
      Object params =
          message.has("params")
              ? Json.MAPPER.convertValue(message.get("params"), Object.class)
              : null;
      return of(message.path("method").asString(null), params, versionHeader);
    } catch (JacksonException e) {
      return LEGACY;
    }
  }

  private static boolean claimsVersion(Object params) {
    return params instanceof Map<?, ?> p
        && p.get("_meta") instanceof Map<?, ?> meta
        && meta.get(VERSION_KEY) instanceof String version
        && !version.isBlank();
  }
}

package io.devhost.server.modern;

import java.util.Map;
import java.util.Set;

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

  private static boolean claimsVersion(Object params) {
    return params instanceof Map<?, ?> p
        && p.get("_meta") instanceof Map<?, ?> meta
        && meta.get(VERSION_KEY) instanceof String version
        && !version.isBlank();
  }
}

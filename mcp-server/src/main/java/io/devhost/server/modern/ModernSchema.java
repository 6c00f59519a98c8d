package io.devhost.server.modern;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns DevHost's definitions and results, written against the SDK's 2025-era schema records, into
 * the 2026-07-28 records, by a JSON round trip through the SDK's mapper. Both eras share the wire
 * form of tools, content, resources and prompts; what the modern records add ({@code resultType})
 * their constructors fill in. ModernSchemaTest checks that the round trip loses nothing.
 */
public final class ModernSchema {

  /** The SDK mapper the modern transports and conversions share. */
  public static final McpJsonMapper MAPPER = new JacksonMcpJsonMapper(JsonMapper.builder().build());

  private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {};

  private ModernSchema() {}

  /** {@code legacy} (an SDK 2025-era schema record) as the modern record {@code type}. */
  public static <T> T toModern(Object legacy, Class<T> type) {
    return MAPPER.convertValue(legacy, type);
  }

  /** The JSON object form of any schema record, either era. */
  public static Map<String, Object> asMap(Object record) {
    return MAPPER.convertValue(record, MAP);
  }
}

package io.devhost.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

/**
 * Opaque continuation cursors: a tool that stops at a cap returns one, and the caller passes it
 * back to get the next page. The content is the tool's own business (an offset, a last key); the
 * encoding keeps models from editing it by hand and makes a garbled cursor a clear error.
 */
public final class Cursor {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private Cursor() {}

  public static String encode(Map<String, Object> state) {
    byte[] json = Json.MAPPER.writeValueAsBytes(state);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
  }

  public static Map<String, Object> decode(String cursor) {
    try {
      byte[] json = Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII));
      return Json.MAPPER.readValue(json, MAP);
    } catch (IllegalArgumentException | JacksonException e) {
      throw ToolException.invalid(
          "The cursor is not one this server issued. Pass the 'nextCursor' value of the previous"
              + " result unchanged, or omit it to start from the beginning.");
    }
  }
}

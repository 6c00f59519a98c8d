package io.devhost.core;

import java.util.Collection;
import java.util.Map;

/**
 * The length in bytes of the compact JSON that {@link Json#MAPPER} writes for a tree of maps, lists
 * and scalars, counted without writing it. The result cap needs the size of every result, and
 * writing the JSON only to count it doubled the serialization of large results (the SDK writes them
 * again to send them).
 */
final class JsonSize {

  private JsonSize() {}

  static long of(Object value) {
    if (value == null) {
      return 4;
    }
    if (value instanceof CharSequence text) {
      return string(text);
    }
    if (value instanceof Map<?, ?> map) {
      long size = 2 + Math.max(0, map.size() - 1);
      for (var entry : map.entrySet()) {
        size += string(String.valueOf(entry.getKey())) + 1 + of(entry.getValue());
      }
      return size;
    }
    if (value instanceof Collection<?> list) {
      long size = 2 + Math.max(0, list.size() - 1);
      for (Object item : list) {
        size += of(item);
      }
      return size;
    }
    // Numbers and booleans as Jackson writes them; other scalars are rare in a converted tree.
    return String.valueOf(value).length();
  }

  private static long string(CharSequence text) {
    long size = 2;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        size += 2;
      } else if (c < 0x20) {
        size += c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f' ? 2 : 6;
      } else if (c < 0x80) {
        size += 1;
      } else if (c < 0x800 || Character.isSurrogate(c)) {
        size += 2; // a surrogate pair is 4 bytes of UTF-8, 2 per char
      } else {
        size += 3;
      }
    }
    return size;
  }
}

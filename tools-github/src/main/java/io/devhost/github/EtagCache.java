package io.devhost.github;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Responses kept with their {@code ETag}, so a repeated read is a conditional request: GitHub
 * answers 304 and, for authenticated calls, does not count it against the rate limit. Bounded in
 * entries and in the size of what it keeps; least recently used goes first.
 */
final class EtagCache {

  record Entry(String etag, String body, String link) {}

  static final int MAX_ENTRIES = 512;
  static final int MAX_BODY_CHARS = 1024 * 1024;

  private final Map<String, Entry> entries =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  synchronized Entry get(String key) {
    return entries.get(key);
  }

  synchronized void put(String key, String etag, String body, String link) {
    if (etag != null && body.length() <= MAX_BODY_CHARS) {
      entries.put(key, new Entry(etag, body, link));
    }
  }
}

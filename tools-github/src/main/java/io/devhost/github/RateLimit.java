package io.devhost.github;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** GitHub's quota as of the last response, read from its {@code X-RateLimit-*} headers. */
record RateLimit(long limit, long remaining, Instant reset, String resource) {

  /** The quota in a response, or null when the response carries none (e.g. a 304 from GHE). */
  static RateLimit from(HttpHeaders headers) {
    var remaining = headers.firstValueAsLong("x-ratelimit-remaining");
    if (remaining.isEmpty()) {
      return null;
    }
    return new RateLimit(
        headers.firstValueAsLong("x-ratelimit-limit").orElse(-1),
        remaining.getAsLong(),
        Instant.ofEpochSecond(headers.firstValueAsLong("x-ratelimit-reset").orElse(0)),
        headers.firstValue("x-ratelimit-resource").orElse("core"));
  }

  boolean exhausted() {
    return remaining == 0;
  }

  /** What goes into a result's {@code _meta}. */
  Map<String, Object> asMeta() {
    var m = new LinkedHashMap<String, Object>();
    m.put("remaining", remaining);
    m.put("limit", limit);
    m.put("reset", reset.toString());
    m.put("resource", resource);
    return m;
  }
}

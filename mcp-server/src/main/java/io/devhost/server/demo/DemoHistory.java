package io.devhost.server.demo;

import io.devhost.core.Json;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripted history of the demo project ({@code examples/shop-history/history.json}): commits,
 * oldest first, each naming the files it changes. A file maps to {@code "final"} (its content in
 * the demo tree), to {@code "versions/….diff"} (an earlier version, kept as the diff that turns the
 * final file into it), to {@code "versions/…"} (an earlier version of a file the final tree no
 * longer has, kept whole) or to null (deleted).
 */
record DemoHistory(List<Commit> commits) {

  static final String FINAL = "final";

  record Commit(String author, String date, String message, Map<String, String> files) {
    private static final Pattern AUTHOR = Pattern.compile("(.+?)\\s*<([^>]+)>");

    Commit {
      files = files == null ? Map.of() : new LinkedHashMap<>(files);
    }

    String authorName() {
      return parts().group(1);
    }

    String authorEmail() {
      return parts().group(2);
    }

    OffsetDateTime when() {
      return OffsetDateTime.parse(date);
    }

    private Matcher parts() {
      var m = AUTHOR.matcher(author);
      if (!m.matches()) {
        throw new IllegalArgumentException("author must be 'Name <email>', got " + author);
      }
      return m;
    }
  }

  static DemoHistory parse(byte[] json) {
    return Json.MAPPER.readValue(json, DemoHistory.class);
  }
}

package io.devhost.server.monitor;

import java.util.ArrayList;
import java.util.List;

/** Replaces a snippet of a file line by line, ignoring indentation, re-indenting the new text. */
final class Snippets {

  private Snippets() {}

  static String replace(String text, String snippet, String replacement, String id) {
    List<String> lines = List.of(text.split("\n", -1));
    List<String> find = List.of(snippet.strip().split("\n"));
    for (int i = 0; i + find.size() <= lines.size(); i++) {
      if (matches(lines, i, find)) {
        String first = lines.get(i);
        String indent = first.substring(0, first.length() - first.stripLeading().length());
        var out = new ArrayList<>(lines.subList(0, i));
        for (String r : replacement.stripTrailing().split("\n")) {
          out.add(r.isBlank() ? "" : indent + r);
        }
        out.addAll(lines.subList(i + find.size(), lines.size()));
        return String.join("\n", out);
      }
    }
    throw new IllegalArgumentException(
        id + ": the snippet to replace is not in the file: " + snippet);
  }

  private static boolean matches(List<String> lines, int at, List<String> find) {
    for (int j = 0; j < find.size(); j++) {
      if (!lines.get(at + j).strip().equals(find.get(j).strip())) {
        return false;
      }
    }
    return true;
  }
}

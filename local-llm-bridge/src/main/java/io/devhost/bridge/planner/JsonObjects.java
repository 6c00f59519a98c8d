package io.devhost.bridge.planner;

import java.util.ArrayList;
import java.util.List;

/** Finds balanced top-level {@code {...}} spans in free text, skipping braces inside strings. */
final class JsonObjects {

  private JsonObjects() {}

  static List<String> scan(String text) {
    var found = new ArrayList<String>();
    int i = text.indexOf('{');
    while (i >= 0) {
      int end = matchingBrace(text, i);
      if (end < 0) {
        i = text.indexOf('{', i + 1);
      } else {
        found.add(text.substring(i, end + 1));
        i = text.indexOf('{', end + 1);
      }
    }
    return found;
  }

  /** Index of the brace closing the one at {@code start}, or -1 when it never closes. */
  private static int matchingBrace(String text, int start) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}

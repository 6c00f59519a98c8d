package io.devhost.fs;

import io.devhost.core.ToolException;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies {@code oldText → newText} replacements to a text: exact matches first; when there are
 * none, a match line by line that ignores leading and trailing whitespace, and the replacement is
 * re-indented to the indentation found in the file.
 */
final class TextEdits {

  record Edit(String oldText, String newText, Integer expectedReplacements) {}

  /** The new text and how many replacements were made. */
  record Result(String text, int replacements) {}

  private TextEdits() {}

  static Result apply(String text, List<Edit> edits) {
    String current = text;
    int total = 0;
    for (int i = 0; i < edits.size(); i++) {
      Edit edit = edits.get(i);
      int expected = edit.expectedReplacements() == null ? 1 : edit.expectedReplacements();
      String oldText = normalize(edit.oldText());
      String newText = normalize(edit.newText());
      int exact = count(current, oldText);
      if (exact > 0) {
        requireCount(i, exact, expected, "exactly");
        current = current.replace(oldText, newText);
      } else {
        var matches = looseMatches(current, oldText);
        if (matches.isEmpty()) {
          throw ToolException.invalid(
              "Edit "
                  + (i + 1)
                  + ": oldText was not found, not even ignoring indentation. Read the file again"
                  + " and copy the text to replace exactly. No edit was applied.");
        }
        requireCount(i, matches.size(), expected, "ignoring whitespace");
        current = replaceLoose(current, matches, oldText, newText);
      }
      total += expected;
    }
    return new Result(current, total);
  }

  private static void requireCount(int index, int found, int expected, String how) {
    if (found != expected) {
      throw ToolException.invalid(
          "Edit "
              + (index + 1)
              + ": oldText occurs "
              + found
              + " times ("
              + how
              + "), expected "
              + expected
              + ". Add surrounding lines to make it unique, or set expectedReplacements="
              + found
              + ". No edit was applied.");
    }
  }

  private static String normalize(String s) {
    return s.replace("\r\n", "\n");
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
      n++;
    }
    return n;
  }

  /** The first line index of each non-overlapping window of lines equal to oldText's, trimmed. */
  private static List<Integer> looseMatches(String text, String oldText) {
    String[] lines = text.split("\n", -1);
    String[] want = trimmedLines(oldText);
    var starts = new ArrayList<Integer>();
    if (want.length == 0) {
      return starts;
    }
    for (int i = 0; i + want.length <= lines.length; i++) {
      boolean same = true;
      for (int j = 0; j < want.length && same; j++) {
        same = lines[i + j].strip().equals(want[j]);
      }
      if (same) {
        starts.add(i);
        i += want.length - 1;
      }
    }
    return starts;
  }

  private static String[] trimmedLines(String s) {
    String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    if (body.isBlank()) {
      return new String[0];
    }
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      lines[i] = lines[i].strip();
    }
    return lines;
  }

  private static String replaceLoose(
      String text, List<Integer> starts, String oldText, String newText) {
    String[] lines = text.split("\n", -1);
    int span = trimmedLines(oldText).length;
    String oldIndent = indentOf(oldText.split("\n", -1)[0]);
    String[] replacement =
        (newText.endsWith("\n") ? newText.substring(0, newText.length() - 1) : newText)
            .split("\n", -1);
    var out = new ArrayList<String>();
    int next = 0;
    for (int start : starts) {
      for (; next < start; next++) {
        out.add(lines[next]);
      }
      String fileIndent = indentOf(lines[start]);
      if (!newText.isEmpty()) {
        for (String line : replacement) {
          out.add(reindent(line, oldIndent, fileIndent));
        }
      }
      next = start + span;
    }
    for (; next < lines.length; next++) {
      out.add(lines[next]);
    }
    return String.join("\n", out);
  }

  /** Swaps the indentation the edit was written with for the one the file uses. */
  private static String reindent(String line, String oldIndent, String fileIndent) {
    if (line.isBlank()) {
      return line;
    }
    int drop = Math.min(indentOf(line).length(), oldIndent.length());
    return fileIndent + line.substring(drop);
  }

  private static String indentOf(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return line.substring(0, i);
  }
}

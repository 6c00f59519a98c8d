package io.devhost.core;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Glob patterns as compiled regular expressions, for every glob DevHost takes: file and deny rules,
 * search filters, and tool names in {@code --allow-tools}, {@code --exclude-tools} and {@code
 * --tool-timeout}. One combined pattern per rule set is matched against plain strings, which keeps
 * per-entry checks cheap on trees of tens of thousands of files.
 *
 * <p>Syntax: {@code *} any run of characters except {@code /}, {@code **} any run including {@code
 * /} ({@code **}{@code /} also matches nothing), {@code ?} one character, {@code [abc]} and {@code
 * [!abc]} classes, {@code {a,b}} alternatives.
 */
public final class Globs {

  private Globs() {}

  /** A glob without {@code /} applies to names; one with {@code /} to relative paths. */
  public static boolean isNameGlob(String glob) {
    return glob.indexOf('/') < 0;
  }

  /** Whether a name matches any of the globs: false for none. */
  public static Predicate<String> anyOf(List<String> globs) {
    Pattern any = compileAny(globs.stream().map(String::trim).toList());
    return any == null ? name -> false : name -> any.matcher(name).matches();
  }

  /** One pattern matching any of the globs, or null for none. */
  public static Pattern compileAny(List<String> globs) {
    if (globs.isEmpty()) {
      return null;
    }
    var sb = new StringBuilder();
    for (String g : globs) {
      if (sb.length() > 0) {
        sb.append('|');
      }
      sb.append("(?:").append(toRegex(g)).append(')');
    }
    try {
      return Pattern.compile(sb.toString());
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "not a valid glob among " + globs + ": " + e.getDescription());
    }
  }

  public static String toRegex(String glob) {
    var re = new StringBuilder();
    int braces = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            i++;
            if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
              i++;
              re.append("(?:.*/)?");
            } else {
              re.append(".*");
            }
          } else {
            re.append("[^/]*");
          }
        }
        case '?' -> re.append("[^/]");
        case '[' -> {
          int end = glob.indexOf(']', i + 2);
          if (end < 0) {
            throw new IllegalArgumentException("unclosed [ in glob '" + glob + "'");
          }
          String body = glob.substring(i + 1, end);
          if (body.startsWith("!")) {
            body = "^" + body.substring(1);
          }
          re.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
          i = end;
        }
        case '{' -> {
          braces++;
          re.append("(?:");
        }
        case '}' -> {
          if (braces == 0) {
            re.append("\\}");
          } else {
            braces--;
            re.append(')');
          }
        }
        case ',' -> re.append(braces > 0 ? "|" : ",");
        default -> {
          if ("\\.^$+()|".indexOf(c) >= 0) {
            re.append('\\');
          }
          re.append(c);
        }
      }
    }
    if (braces != 0) {
      throw new IllegalArgumentException("unclosed { in glob '" + glob + "'");
    }
    return re.toString();
  }
}

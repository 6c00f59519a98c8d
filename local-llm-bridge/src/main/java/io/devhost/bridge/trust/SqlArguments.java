package io.devhost.bridge.trust;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the SQL-looking arguments of a call and says whether one of them is not a plain read.
 *
 * <p>An argument is SQL-looking when its name is {@code sql}, {@code statement}, {@code stmt} or
 * has {@code sql} as a part ({@code raw_sql}, {@code sqlText}); when it is named {@code query} and
 * its text starts with a SQL command word; or, under any name, when its text starts with a command
 * word and also holds a word only SQL puts there ({@code FROM}, {@code INTO}, {@code TABLE}, {@code
 * SET}, …) or a semicolon. That last, shape-only reading is skipped for tools their server declares
 * read-only, so searching code for "DELETE FROM" with a read-only search tool is not taken for a
 * write. A search text such as "update the readme" under {@code query} is therefore taken for SQL
 * and asked about: a false alarm costs one question, a missed {@code DROP TABLE} costs data.
 * Strings inside lists are checked too.
 */
public final class SqlArguments {

  private static final Pattern SQL_NAME =
      Pattern.compile("statement|stmt|(?i:sql)|.*_(?i:sql)|.*Sql|(?i:sql)_.*|sql[A-Z].*");

  private static final Set<String> COMMAND_WORDS =
      Set.of(
          "select",
          "with",
          "values",
          "table",
          "show",
          "explain",
          "insert",
          "update",
          "delete",
          "merge",
          "drop",
          "create",
          "alter",
          "truncate",
          "copy",
          "call",
          "do",
          "grant",
          "revoke",
          "set",
          "reset",
          "vacuum",
          "analyze",
          "analyse",
          "lock",
          "begin",
          "start",
          "commit",
          "rollback",
          "end",
          "abort",
          "savepoint",
          "release",
          "discard",
          "listen",
          "notify",
          "unlisten",
          "refresh",
          "cluster",
          "reindex",
          "comment",
          "security",
          "prepare",
          "execute",
          "deallocate",
          "import",
          "load",
          "checkpoint",
          "declare",
          "fetch",
          "move",
          "close",
          "reassign");

  private static final Pattern SQL_SHAPE =
      Pattern.compile(
          "(?is).*(;|\\b(from|into|table|set|where|values|returning|database|schema|function"
              + "|procedure|role|index|view|extension|trigger|sequence|privileges|owner)\\b).*");

  private SqlArguments() {}

  /**
   * Why the call writes through a SQL-looking argument, or empty when none does.
   *
   * @param byNameOnly true for a tool declared read-only: only arguments named like SQL count
   */
  public static Optional<String> whyWrite(Map<String, Object> arguments, boolean byNameOnly) {
    for (var e : arguments.entrySet()) {
      for (String text : strings(e.getValue())) {
        if (sqlLooking(e.getKey(), text, byNameOnly)) {
          var why = SqlReads.whyNotPlainRead(text);
          if (why.isPresent()) {
            return Optional.of(
                "its argument '" + e.getKey() + "' is SQL that is not a plain read: " + why.get());
          }
        }
      }
    }
    return Optional.empty();
  }

  static boolean sqlLooking(String name, String text, boolean byNameOnly) {
    if (SQL_NAME.matcher(name).matches()) {
      return !text.isBlank();
    }
    String first = SqlReads.firstWord(text);
    if (first == null || !COMMAND_WORDS.contains(first.toLowerCase(Locale.ROOT))) {
      return false;
    }
    return name.equalsIgnoreCase("query") || (!byNameOnly && SQL_SHAPE.matcher(text).matches());
  }

  private static List<String> strings(Object value) {
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof List<?> list) {
      return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }
}

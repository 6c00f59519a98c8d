package io.devhost.pg;

import io.devhost.core.ToolException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

/**
 * Owns the decision whether a statement may be sent at all, before PostgreSQL enforces the rest.
 *
 * <p>It lexes the SQL with pgjdbc's own routines for quotes, dollar quotes and comments, so it sees
 * statements exactly as the driver will send them: it counts them with the driver's splitter,
 * refuses transaction control and session commands (they would end or outlive the transaction
 * DevHost wraps every call in), and turns the caller's {@code $1} parameters into JDBC markers so
 * they are bound, never spliced into the text.
 */
final class SqlGuard {

  /** A statement that passed the guard, ready for {@code prepareStatement}. */
  record Checked(String jdbcSql, int[] parameterOrder, String keyword, int parameterCount) {}

  /**
   * Commands that end or change the transaction, or leave state in the session after it: refused in
   * every tool, because each call is its own transaction and must leave nothing behind.
   */
  private static final Set<String> TRANSACTION_AND_SESSION =
      Set.of(
          "begin",
          "start",
          "commit",
          "end",
          "rollback",
          "abort",
          "savepoint",
          "release",
          "prepare",
          "deallocate",
          "discard",
          "set",
          "reset",
          "listen",
          "unlisten",
          "load",
          "checkpoint",
          "vacuum",
          "copy",
          "lock");

  /** Statements whose EXPLAIN ANALYZE would execute a write. */
  private static final Set<String> WRITES =
      Set.of("insert", "update", "delete", "merge", "create", "alter", "drop", "truncate");

  private SqlGuard() {}

  /** Checks one statement for any tool; {@code parameterCount} is the number of values given. */
  static Checked check(String sql, int parameterCount) {
    if (sql == null || sql.isBlank()) {
      throw ToolException.invalid("sql is empty: pass one SQL statement.");
    }
    var lexed = lex(sql);
    List<NativeQuery> statements;
    try {
      statements = Parser.parseJdbcSql(lexed.jdbcSql, true, true, true, false, false);
    } catch (SQLException e) {
      throw ToolException.invalid("The SQL could not be parsed: " + e.getMessage());
    }
    if (statements.size() != 1 || lexed.keyword == null) {
      throw ToolException.invalid(
          statements.isEmpty() || lexed.keyword == null
              ? "sql holds no statement (only comments or semicolons): pass one SQL statement."
              : "Exactly one SQL statement per call; found "
                  + statements.size()
                  + ". Send each statement as its own call.");
    }
    if (TRANSACTION_AND_SESSION.contains(lexed.keyword)) {
      throw ToolException.denied(
          lexed.keyword.toUpperCase(Locale.ROOT)
              + " is not allowed: every call runs in its own transaction that DevHost opens and"
              + " closes, and no session state is kept between calls. Send the statement itself"
              + " (SELECT ..., or a write through execute); use set_config(name, value, true)"
              + " inside a query for a per-statement setting.");
    }
    int highest = 0;
    for (int p : lexed.parameters) {
      highest = Math.max(highest, p);
    }
    if (highest > parameterCount) {
      throw ToolException.invalid(
          "The SQL uses $"
              + highest
              + " but params has "
              + parameterCount
              + " value(s). Pass one value per $n, in order.");
    }
    if (highest < parameterCount) {
      throw ToolException.invalid(
          "params has "
              + parameterCount
              + " value(s) but the SQL uses "
              + (highest == 0 ? "no $n parameters" : "only up to $" + highest)
              + ". Remove the extra values or reference them as $n.");
    }
    int[] order = lexed.parameters.stream().mapToInt(p -> p - 1).toArray();
    return new Checked(lexed.jdbcSql, order, lexed.keyword, parameterCount);
  }

  /** True when running the statement (as EXPLAIN ANALYZE does) would write. */
  static boolean isWrite(Checked checked) {
    return WRITES.contains(checked.keyword());
  }

  private record Lexed(String jdbcSql, List<Integer> parameters, String keyword) {}

  /**
   * Rewrites {@code $n} outside quotes and comments to {@code ?} (recording n) and doubles every
   * other {@code ?} (pgjdbc's escape for a literal question mark, e.g. the jsonb operator), and
   * finds the first keyword.
   */
  private static Lexed lex(String sql) {
    char[] chars = sql.toCharArray();
    var out = new StringBuilder(sql.length() + 8);
    var parameters = new ArrayList<Integer>();
    String keyword = null;
    int i = 0;
    while (i < chars.length) {
      char c = chars[i];
      int end = i;
      switch (c) {
        case '\'' -> end = Parser.parseSingleQuotes(chars, i, true);
        case '"' -> end = Parser.parseDoubleQuotes(chars, i);
        case '-' -> end = Parser.parseLineComment(chars, i);
        case '/' -> end = Parser.parseBlockComment(chars, i);
        case '$' -> {
          if (isParameterStart(chars, i)) {
            int j = i + 1;
            while (j < chars.length && Character.isDigit(chars[j])) {
              j++;
            }
            parameters.add(parseParameter(sql, i + 1, j));
            out.append('?');
            i = j;
            continue;
          }
          end = Parser.parseDollarQuotes(chars, i);
        }
        case '?' -> {
          out.append("??");
          i++;
          continue;
        }
        default -> {
          if (keyword == null && Character.isLetter(c)) {
            int j = i;
            while (j < chars.length && Parser.isIdentifierContChar(chars[j])) {
              j++;
            }
            keyword = sql.substring(i, j).toLowerCase(Locale.ROOT);
            out.append(chars, i, j - i);
            i = j;
            continue;
          }
        }
      }
      out.append(chars, i, end - i + 1);
      i = end + 1;
    }
    return new Lexed(out.toString(), parameters, keyword);
  }

  private static boolean isParameterStart(char[] chars, int i) {
    boolean digitFollows = i + 1 < chars.length && Character.isDigit(chars[i + 1]);
    boolean partOfIdentifier = i > 0 && Parser.isIdentifierContChar(chars[i - 1]);
    return digitFollows && !partOfIdentifier;
  }

  private static int parseParameter(String sql, int from, int to) {
    try {
      int n = Integer.parseInt(sql.substring(from, to));
      if (n < 1) {
        throw ToolException.invalid("Parameters are numbered from $1; found $0.");
      }
      return n;
    } catch (NumberFormatException e) {
      throw ToolException.invalid("Parameter $" + sql.substring(from, to) + " is out of range.");
    }
  }
}

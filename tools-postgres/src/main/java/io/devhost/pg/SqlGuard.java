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

  /**
   * Functions a read-only call may not name: they signal or end other sessions (PostgreSQL lets any
   * role do that to every session of the same role, read-only transaction or not), or run SQL from
   * a string, where the guard cannot see what they run.
   */
  private static final Set<String> SIGNALLING =
      Set.of(
          "pg_terminate_backend",
          "pg_cancel_backend",
          "pg_log_backend_memory_contexts",
          "pg_reload_conf",
          "pg_rotate_logfile",
          "pg_promote");

  private static final Set<String> RUNS_A_QUERY_STRING =
      Set.of(
          "query_to_xml",
          "query_to_xmlschema",
          "query_to_xml_and_xmlschema",
          "cursor_to_xml",
          "cursor_to_xmlschema",
          "ts_stat",
          "ts_rewrite");

  private SqlGuard() {}

  /**
   * Checks a statement for a read-only call ({@code query}, {@code explain}): {@link #check} and no
   * function that signals another session or runs SQL from a string, and no {@code DO} block. Names
   * are matched as PostgreSQL resolves them: unquoted ones in any case, quoted and {@code U&"..."}
   * ones after decoding, schema-qualified or not, anywhere outside literals and comments.
   */
  static Checked checkRead(String sql, int parameterCount) {
    var lexed = lexOne(sql);
    if ("do".equals(lexed.keyword)) {
      throw ToolException.denied(
          "DO is not allowed in a read-only call: its body runs procedural code DevHost cannot"
              + " check (it could signal other sessions). Write the query itself as one SELECT.");
    }
    for (String name : lexed.names) {
      if (SIGNALLING.contains(name)) {
        throw ToolException.denied(
            name
                + " is not allowed in a read-only call: it signals or ends database sessions,"
                + " including other users' sessions of the same role. Use the health tool to see"
                + " sessions and long-running queries; ending one is for a database administrator.");
      }
      if (RUNS_A_QUERY_STRING.contains(name) || name.startsWith("dblink")) {
        throw ToolException.denied(
            name
                + " is not allowed in a read-only call: it runs SQL given as a string, which"
                + " DevHost cannot check. Send that SQL as the query itself.");
      }
    }
    return checked(lexed, parameterCount);
  }

  /** Checks one statement for any tool; {@code parameterCount} is the number of values given. */
  static Checked check(String sql, int parameterCount) {
    return checked(lexOne(sql), parameterCount);
  }

  /** Lexes {@code sql} and refuses anything but one statement that keeps no session state. */
  private static Lexed lexOne(String sql) {
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
    return lexed;
  }

  /** Binds the caller's {@code $n} parameters, refusing a count that does not match. */
  private static Checked checked(Lexed lexed, int parameterCount) {
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

  /**
   * @param names every identifier outside literals and comments, lower-cased when unquoted and
   *     decoded when quoted
   */
  private record Lexed(
      String jdbcSql, List<Integer> parameters, String keyword, List<String> names) {}

  /**
   * Rewrites {@code $n} outside quotes and comments to {@code ?} (recording n) and doubles every
   * other {@code ?} (pgjdbc's escape for a literal question mark, e.g. the jsonb operator), and
   * finds the first keyword.
   */
  private static Lexed lex(String sql) {
    char[] chars = sql.toCharArray();
    var out = new StringBuilder(sql.length() + 8);
    var parameters = new ArrayList<Integer>();
    var names = new ArrayList<String>();
    String keyword = null;
    int i = 0;
    while (i < chars.length) {
      char c = chars[i];
      int end = i;
      switch (c) {
        case '\'' -> end = Parser.parseSingleQuotes(chars, i, true);
        case '"' -> {
          end = Parser.parseDoubleQuotes(chars, i);
          names.add(quotedName(sql, i, end));
        }
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
          if (Parser.isIdentifierStartChar(c)
              && (i == 0 || !Parser.isIdentifierContChar(chars[i - 1]))) {
            int j = i;
            while (j < chars.length && Parser.isIdentifierContChar(chars[j])) {
              j++;
            }
            String word = sql.substring(i, j).toLowerCase(Locale.ROOT);
            if (keyword == null && Character.isLetter(c)) {
              keyword = word;
            }
            names.add(word);
            out.append(chars, i, j - i);
            i = j;
            continue;
          }
        }
      }
      out.append(chars, i, end - i + 1);
      i = end + 1;
    }
    return new Lexed(out.toString(), parameters, keyword, names);
  }

  /**
   * The name a double-quoted identifier from {@code start} to {@code end} stands for: quotes
   * removed, {@code ""} undone, and for {@code U&"..."} the {@code \\XXXX} and {@code \\+XXXXXX}
   * escapes decoded. A {@code UESCAPE} clause (another escape character) is refused rather than
   * decoded.
   */
  private static String quotedName(String sql, int start, int end) {
    String body = sql.substring(start + 1, Math.max(start + 1, end)).replace("\"\"", "\"");
    boolean unicode =
        start >= 2
            && sql.charAt(start - 1) == '&'
            && Character.toLowerCase(sql.charAt(start - 2)) == 'u'
            && (start == 2 || !Parser.isIdentifierContChar(sql.charAt(start - 3)));
    if (!unicode) {
      return body.toLowerCase(Locale.ROOT);
    }
    if (sql.substring(end + 1).stripLeading().toLowerCase(Locale.ROOT).startsWith("uescape")) {
      throw ToolException.denied(
          "U&\"...\" UESCAPE is not accepted: write the identifier plainly or with the default \\"
              + " escapes.");
    }
    var decoded = new StringBuilder();
    int k = 0;
    while (k < body.length()) {
      char ch = body.charAt(k);
      if (ch != '\\') {
        decoded.append(ch);
        k++;
      } else if (k + 1 < body.length() && body.charAt(k + 1) == '\\') {
        decoded.append('\\');
        k += 2;
      } else {
        boolean wide = k + 1 < body.length() && body.charAt(k + 1) == '+';
        int from = k + (wide ? 2 : 1);
        int to = from + (wide ? 6 : 4);
        try {
          decoded.appendCodePoint(Integer.parseInt(body.substring(from, to), 16));
        } catch (RuntimeException e) {
          throw ToolException.invalid("Invalid Unicode escape in identifier U&\"" + body + "\".");
        }
        k = to;
      }
    }
    return decoded.toString().toLowerCase(Locale.ROOT);
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

package io.devhost.bridge.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a SQL text is a plain read: one SELECT, WITH … SELECT, VALUES, TABLE, SHOW or
 * EXPLAIN statement that names no write and calls no function known to have side effects. Anything
 * else is a write, whatever a trust list says.
 *
 * <p>The decision is lexical and errs towards "write": words inside string literals, dollar quotes,
 * quoted identifiers and comments are skipped, every other word counts wherever it stands. So
 * {@code SELECT 'drop table'} is a read, while a column named {@code update} (unquoted) makes the
 * statement a write: a false alarm costs a question, a missed write costs data. A user-defined
 * function that writes cannot be seen here; the server's own read-only transaction is the next line
 * of defence.
 */
public final class SqlReads {

  private static final Set<String> READ_STARTS =
      Set.of("select", "with", "values", "table", "show", "explain");

  /** Statements EXPLAIN may show: with ANALYZE it runs them, so only these count as reads. */
  private static final Set<String> EXPLAINABLE_READS = Set.of("select", "with", "values", "table");

  /** EXPLAIN's options, written before the statement with or without parentheses. */
  private static final Set<String> EXPLAIN_OPTIONS =
      Set.of(
          "analyze",
          "analyse",
          "verbose",
          "costs",
          "buffers",
          "settings",
          "wal",
          "timing",
          "summary",
          "memory",
          "serialize",
          "generic_plan",
          "format",
          "text",
          "json",
          "xml",
          "yaml",
          "true",
          "false",
          "on",
          "off",
          "none",
          "binary");

  /**
   * Words that put a write inside a read-looking statement: a data-modifying CTE, SELECT … INTO,
   * FOR UPDATE. Other commands (DROP, COPY, SET, …) cannot appear inside a SELECT; they are caught
   * by the statement's first word.
   */
  private static final Set<String> WRITE_WORDS =
      Set.of("insert", "update", "delete", "merge", "into");

  /** Functions that change state, reach outside the database, or run a query given as text. */
  private static final Set<String> SIDE_EFFECT_FUNCTIONS =
      Set.of(
          "set_config",
          "nextval",
          "setval",
          "pg_terminate_backend",
          "pg_cancel_backend",
          "pg_reload_conf",
          "pg_rotate_logfile",
          "pg_promote",
          "pg_notify",
          "pg_sleep",
          "pg_sleep_for",
          "pg_sleep_until",
          "txid_current",
          "pg_current_xact_id",
          "pg_logical_emit_message",
          "pg_import_system_collations",
          "query_to_xml",
          "query_to_xml_and_xmlschema",
          "query_to_xmlschema",
          "cursor_to_xml",
          "cursor_to_xmlschema");

  private static final List<String> SIDE_EFFECT_PREFIXES =
      List.of(
          "lo_",
          "dblink",
          "pg_advisory",
          "pg_try_advisory",
          "pg_create_",
          "pg_drop_",
          "pg_replication_",
          "pg_stat_reset",
          "pg_file_",
          "pg_read_",
          "pg_ls_",
          "pg_backup_",
          "pg_start_backup",
          "pg_stop_backup",
          "pg_switch_",
          "pg_wal_replay_",
          "pg_copy_",
          "pg_log_");

  private SqlReads() {}

  /** Why the text is not a plain read, or empty when it is one. */
  public static Optional<String> whyNotPlainRead(String sql) {
    List<Token> tokens;
    try {
      tokens = lex(sql);
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    List<List<Token>> statements = statements(tokens);
    if (statements.isEmpty()) {
      return Optional.of("it holds no statement");
    }
    if (statements.size() > 1) {
      return Optional.of("it holds " + statements.size() + " statements");
    }
    List<Token> statement = statements.get(0);
    String first = firstWord(statement);
    if (first == null || !READ_STARTS.contains(first)) {
      return Optional.of(
          "it is " + (first == null ? "not a statement" : first.toUpperCase(Locale.ROOT)));
    }
    if (first.equals("explain")) {
      String explained = explained(statement);
      if (explained == null || !EXPLAINABLE_READS.contains(explained)) {
        return Optional.of(
            "it explains "
                + (explained == null ? "no statement" : explained.toUpperCase(Locale.ROOT)));
      }
    }
    for (int i = 0; i < statement.size(); i++) {
      Token t = statement.get(i);
      if (t.kind != Kind.WORD) {
        continue;
      }
      if (WRITE_WORDS.contains(t.text)) {
        return Optional.of("it contains " + t.text.toUpperCase(Locale.ROOT));
      }
      if (t.text.equals("for") && next(statement, i, "update", "share", "no", "key")) {
        return Optional.of(
            "it locks rows (FOR " + statement.get(i + 1).text.toUpperCase(Locale.ROOT) + ")");
      }
      if (next(statement, i, "(") && sideEffects(t.text)) {
        return Optional.of("it calls " + t.text + "()");
      }
    }
    return Optional.empty();
  }

  /** The first word of a text, skipping blanks, comments and opening parentheses; null if none. */
  public static String firstWord(String text) {
    try {
      return firstWord(lex(text));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String firstWord(List<Token> tokens) {
    for (Token t : tokens) {
      if (t.kind == Kind.WORD) {
        return t.text;
      }
      if (!t.text.equals("(")) {
        return null;
      }
    }
    return null;
  }

  /** The first word after EXPLAIN and its options. */
  private static String explained(List<Token> statement) {
    int depth = 0;
    for (Token t : statement.subList(1, statement.size())) {
      if (t.text.equals("(")) {
        depth++;
      } else if (t.text.equals(")")) {
        depth--;
      } else if (depth == 0 && t.kind == Kind.WORD && !EXPLAIN_OPTIONS.contains(t.text)) {
        return t.text;
      }
    }
    return null;
  }

  private static boolean sideEffects(String function) {
    return SIDE_EFFECT_FUNCTIONS.contains(function)
        || SIDE_EFFECT_PREFIXES.stream().anyMatch(function::startsWith);
  }

  private static boolean next(List<Token> tokens, int i, String... texts) {
    if (i + 1 >= tokens.size()) {
      return false;
    }
    Token n = tokens.get(i + 1);
    return (n.kind == Kind.WORD || n.kind == Kind.PUNCT) && List.of(texts).contains(n.text);
  }

  private static List<List<Token>> statements(List<Token> tokens) {
    var statements = new ArrayList<List<Token>>();
    var current = new ArrayList<Token>();
    for (Token t : tokens) {
      if (t.kind == Kind.PUNCT && t.text.equals(";")) {
        if (!current.isEmpty()) {
          statements.add(current);
        }
        current = new ArrayList<>();
      } else {
        current.add(t);
      }
    }
    if (!current.isEmpty()) {
      statements.add(current);
    }
    return statements;
  }

  private enum Kind {
    WORD,
    LITERAL,
    PUNCT
  }

  /**
   * A word (lower-cased, schema prefix dropped), a literal or quoted name, or one other character.
   */
  private record Token(Kind kind, String text) {}

  /** Splits SQL into tokens, dropping comments; an unterminated quote or comment is an error. */
  private static List<Token> lex(String sql) {
    var tokens = new ArrayList<Token>();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = blockCommentEnd(sql, i);
      } else if (c == '\'') {
        i = quoteEnd(sql, i, '\'', false);
        tokens.add(new Token(Kind.LITERAL, "'"));
      } else if (c == '"') {
        i = quoteEnd(sql, i, '"', false);
        tokens.add(new Token(Kind.LITERAL, "\""));
      } else if (c == '$' && dollarTag(sql, i) != null) {
        String tag = dollarTag(sql, i);
        int end = sql.indexOf(tag, i + tag.length());
        if (end < 0) {
          throw new IllegalArgumentException("it has an unterminated " + tag + " quote");
        }
        i = end + tag.length();
        tokens.add(new Token(Kind.LITERAL, "$"));
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < n
            && (Character.isLetterOrDigit(sql.charAt(j)) || "_$".indexOf(sql.charAt(j)) >= 0)) {
          j++;
        }
        String word = sql.substring(i, j).toLowerCase(Locale.ROOT);
        if (j < n && sql.charAt(j) == '\'' && Set.of("e", "x", "b", "n").contains(word)) {
          i = quoteEnd(sql, j, '\'', word.equals("e")); // E'…' takes backslash escapes
          tokens.add(new Token(Kind.LITERAL, "'"));
          continue;
        }
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).text.equals(".")) {
          tokens.remove(tokens.size() - 1); // schema.function: the function's own name decides
          if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind == Kind.WORD) {
            tokens.remove(tokens.size() - 1);
          }
        }
        tokens.add(new Token(Kind.WORD, word));
        i = j;
      } else {
        tokens.add(new Token(Kind.PUNCT, String.valueOf(c)));
        i++;
      }
    }
    return tokens;
  }

  private static int blockCommentEnd(String sql, int start) {
    int depth = 0;
    int i = start;
    while (i < sql.length() - 1) {
      if (sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    throw new IllegalArgumentException("it has an unterminated /* comment");
  }

  private static int quoteEnd(String sql, int start, char quote, boolean backslashEscapes) {
    int i = start + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2; // a doubled quote stands for itself
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    throw new IllegalArgumentException("it has an unterminated " + quote + " quote");
  }

  /** {@code $tag$} or {@code $$} starting at {@code i}, or null when the dollar starts no quote. */
  private static String dollarTag(String sql, int i) {
    int j = i + 1;
    while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
      j++;
    }
    if (j < sql.length()
        && sql.charAt(j) == '$'
        && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
      return sql.substring(i, j + 1);
    }
    return null;
  }
}

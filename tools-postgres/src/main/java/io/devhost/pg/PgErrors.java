package io.devhost.pg;

import io.devhost.core.ToolException;
import io.devhost.core.UntrustedText;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a driver or pool failure into a {@link ToolException} a model can act on: PostgreSQL's own
 * message with its SQLSTATE and the position of the error in the caller's SQL. Connection details
 * come from {@link DatabaseUrl#redacted()}, so no password reaches a message.
 */
final class PgErrors {

  private PgErrors() {}

  /**
   * @param sql the statement the caller wrote, to locate the error position; may be null
   * @param prefixLength characters DevHost put before the caller's SQL (e.g. {@code EXPLAIN (...)})
   */
  static ToolException translate(SQLException e, String database, String sql, int prefixLength) {
    if (e instanceof SQLTransientConnectionException) {
      return unreachable(database, e.getCause() instanceof SQLException c ? c : e);
    }
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")) {
      return new ToolException(
          ToolException.Kind.UNAVAILABLE,
          "Lost the connection to database '"
              + database
              + "' (SQLSTATE "
              + state
              + ": "
              + clean(e.getMessage())
              + "). Nothing was changed; retry the call, a fresh connection is used.");
    }
    ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    String message = server == null ? clean(e.getMessage()) : describe(server, sql, prefixLength);
    return switch (state) {
      case "57014" ->
          new ToolException(
              ToolException.Kind.TIMEOUT,
              message
                  + " The statement ran past the statement timeout; narrow it (a WHERE clause, a"
                  + " LIMIT, an index) or ask for an EXPLAIN first.");
      case "55P03" ->
          new ToolException(
              ToolException.Kind.TIMEOUT,
              message + " Another session holds a lock on the data; try again later.");
      case "25006" ->
          ToolException.denied(
              message
                  + " Database '"
                  + database
                  + "' is queried read-only; writes go through the execute tool on a database"
                  + " configured read-write (--db-read-write "
                  + database
                  + ").");
      case "42501" -> ToolException.denied(message);
      default -> ToolException.invalid(message);
    };
  }

  static ToolException unreachable(String database, SQLException cause) {
    return new ToolException(
        ToolException.Kind.UNAVAILABLE,
        "Database '"
            + database
            + "' is not reachable: "
            + clean(cause.getMessage())
            + " Check that the server is running; the next call tries again, no restart needed.");
  }

  private static String describe(ServerErrorMessage server, String sql, int prefixLength) {
    var sb = new StringBuilder("PostgreSQL error ").append(server.getSQLState());
    int position = server.getPosition() - prefixLength;
    if (sql != null && position >= 1 && position <= sql.length() + 1) {
      sb.append(' ').append(locate(sql, position));
    }
    sb.append(": ").append(clean(server.getMessage())).append('.');
    if (server.getDetail() != null) {
      sb.append(" Detail: ").append(clean(server.getDetail()));
    }
    if (server.getHint() != null) {
      sb.append(" Hint: ").append(clean(server.getHint()));
    }
    return sb.toString();
  }

  /** "at line 2, column 8 (near 'FROM tabel')" for a 1-based character position. */
  private static String locate(String sql, int position) {
    int index = Math.min(position - 1, sql.length());
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (sql.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int end = Math.min(sql.length(), index + 20);
    int nl = sql.indexOf('\n', index);
    if (nl >= 0 && nl < end) {
      end = nl;
    }
    return "at line "
        + line
        + ", column "
        + (index - lineStart + 1)
        + " (near '"
        + clean(sql.substring(index, end))
        + "')";
  }

  private static String clean(String text) {
    return text == null ? "" : UntrustedText.strip(text);
  }
}

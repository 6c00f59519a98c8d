package io.devhost.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.core.ToolException;
import org.junit.jupiter.api.Test;

class SqlGuardTest {

  @Test
  void semicolonsInsideQuotesAndCommentsDoNotCountAsStatements() {
    var checked =
        SqlGuard.check(
            "SELECT ';', \";\", $$;$$, E'\\';' -- ;\n /* ; /* nested ; */ */ FROM t;", 0);
    assertThat(checked.keyword()).isEqualTo("select");
  }

  @Test
  void twoStatementsAreRefused() {
    assertThatThrownBy(() -> SqlGuard.check("SELECT 1; SELECT 2", 0))
        .isInstanceOf(ToolException.class)
        .hasMessageContaining("found 2");
  }

  @Test
  void commentsOnlyIsNoStatement() {
    assertThatThrownBy(() -> SqlGuard.check("-- nothing\n;", 0))
        .hasMessageContaining("no statement");
  }

  @Test
  void dollarParametersBecomeJdbcMarkersInOrderOfUse() {
    var checked = SqlGuard.check("SELECT $2, $1, $2, data ? 'k', a$1 FROM t", 2);
    assertThat(checked.jdbcSql()).isEqualTo("SELECT ?, ?, ?, data ?? 'k', a$1 FROM t");
    assertThat(checked.parameterOrder()).containsExactly(1, 0, 1);
  }

  @Test
  void dollarSignsInsideStringsAreNotParameters() {
    var checked = SqlGuard.check("SELECT '$1', $tag$ $1 $tag$", 0);
    assertThat(checked.parameterOrder()).isEmpty();
  }

  @Test
  void sessionAndTransactionCommandsAreRefusedWhateverTheirCase() {
    for (String sql :
        new String[] {
          "commit",
          "Rollback",
          "SET role postgres",
          "PREPARE p AS SELECT 1",
          "DISCARD ALL",
          "LISTEN x"
        }) {
      assertThatThrownBy(() -> SqlGuard.check(sql, 0))
          .as(sql)
          .isInstanceOf(ToolException.class)
          .extracting(e -> ((ToolException) e).kind())
          .isEqualTo(ToolException.Kind.DENIED);
    }
  }

  @Test
  void writesAreRecognisedForExplainAnalyze() {
    assertThat(SqlGuard.isWrite(SqlGuard.check("/* x */ DELETE FROM t", 0))).isTrue();
    assertThat(SqlGuard.isWrite(SqlGuard.check("update t set a = 1", 0))).isTrue();
    assertThat(SqlGuard.isWrite(SqlGuard.check("WITH x AS (SELECT 1) SELECT * FROM x", 0)))
        .isFalse();
  }

  @Test
  void signallingNamesInsideLiteralsCommentsOrLongerNamesAreNoCall() {
    var checked =
        SqlGuard.checkRead(
            "SELECT 'pg_terminate_backend(1)', $$pg_cancel_backend$$, n_pg_cancel_backend"
                + " -- pg_terminate_backend(2)\n FROM t /* query_to_xml */",
            0);
    assertThat(checked.keyword()).isEqualTo("select");
  }

  @Test
  void readOnlyCallsRefuseSignallingAndQueryStringFunctionsButOtherToolsDoNot() {
    assertThatThrownBy(() -> SqlGuard.checkRead("SELECT ts_rewrite('a'::tsquery, 'SELECT 1')", 0))
        .hasMessageContaining("runs SQL given as a string");
    assertThatThrownBy(() -> SqlGuard.checkRead("SELECT * FROM dblink_exec('x', 'y')", 0))
        .hasMessageContaining("dblink_exec");
    assertThat(SqlGuard.check("SELECT pg_cancel_backend(1)", 0).keyword()).isEqualTo("select");
  }

  @Test
  void unicodeIdentifiersAreDecodedAndCustomEscapesRefused() {
    assertThatThrownBy(() -> SqlGuard.checkRead("SELECT u&\"PG\\+00005Fcancel_backend\"(1)", 0))
        .hasMessageContaining("pg_cancel_backend is not allowed");
    assertThatThrownBy(
            () -> SqlGuard.checkRead("SELECT U&\"pg!005fcancel_backend\" UESCAPE '!'(1)", 0))
        .hasMessageContaining("UESCAPE is not accepted");
  }
}

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
}

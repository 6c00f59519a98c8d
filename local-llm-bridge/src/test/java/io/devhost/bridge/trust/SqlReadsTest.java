package io.devhost.bridge.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlReadsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 1",
        "select * from orders where id = 3;",
        "  -- a comment\\n SELECT name FROM customers",
        "/* block /* nested */ */ SELECT 1",
        "WITH recent AS (SELECT * FROM orders) SELECT count(*) FROM recent",
        "VALUES (1, 'a'), (2, 'b')",
        "TABLE customers",
        "SHOW search_path",
        "EXPLAIN SELECT * FROM orders",
        "EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM orders",
        "EXPLAIN ANALYZE VERBOSE WITH x AS (SELECT 1) SELECT * FROM x",
        "SELECT 'drop table orders; delete from x' AS text",
        "SELECT $$ insert into t values (1) $$",
        "SELECT $tag$ update t set a = 1 $tag$",
        "SELECT \"update\" FROM t",
        "SELECT E'it\\'s; drop table t' ",
        "(SELECT 1) UNION (SELECT 2)",
        "SELECT pg_size_pretty(pg_database_size(current_database()))",
        "SELECT * FROM orders ORDER BY id FETCH FIRST 10 ROWS ONLY",
        "SELECT comment FROM reviews",
        "select 1;;"
      })
  void aSingleReadIsPlain(String sql) {
    assertThat(SqlReads.whyNotPlainRead(sql.replace("\\n", "\n"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DROP TABLE orders",
        "drop table orders; -- cleanup",
        "INSERT INTO t VALUES (1)",
        "UPDATE t SET a = 1",
        "DELETE FROM t",
        "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE",
        "TRUNCATE t",
        "CREATE TABLE t (a int)",
        "ALTER TABLE t ADD COLUMN b int",
        "COPY t TO '/tmp/x'",
        "COPY (SELECT 1) TO PROGRAM 'rm -rf /'",
        "CALL do_things()",
        "DO $$ BEGIN DELETE FROM t; END $$",
        "GRANT ALL ON t TO public",
        "REVOKE SELECT ON t FROM public",
        "SET search_path = evil",
        "RESET ALL",
        "VACUUM t",
        "LOCK TABLE t",
        "BEGIN",
        "COMMIT",
        "SELECT 1; DROP TABLE t",
        "SELECT 1; SELECT 2",
        "SELECT * INTO new_table FROM t",
        "SELECT * FROM t FOR UPDATE",
        "SELECT * FROM t FOR SHARE",
        "SELECT * FROM t FOR NO KEY UPDATE",
        "WITH gone AS (DELETE FROM t RETURNING *) SELECT * FROM gone",
        "WITH x AS (UPDATE t SET a = 1 RETURNING a) SELECT a FROM x",
        "WITH x AS (INSERT INTO t VALUES (1) RETURNING *) SELECT 1",
        "SELECT pg_terminate_backend(123)",
        "SELECT pg_catalog.set_config('search_path', 'evil', false)",
        "SELECT nextval('seq')",
        "SELECT setval('seq', 1)",
        "SELECT lo_import('/etc/passwd')",
        "SELECT lo_unlink(42)",
        "SELECT * FROM dblink('host=x', 'delete from t') AS r(a int)",
        "SELECT dblink_exec('delete from t')",
        "SELECT pg_read_file('/etc/passwd')",
        "SELECT pg_advisory_lock(1)",
        "SELECT query_to_xml('delete from t returning *', true, true, '')",
        "EXPLAIN ANALYZE DELETE FROM t",
        "EXPLAIN (ANALYZE) INSERT INTO t VALUES (1)",
        "EXPLAIN ANALYZE CREATE TABLE x AS SELECT 1",
        "SELECT 'unterminated",
        "SELECT 1 /* unterminated",
        "SELECT $$ unterminated",
        "",
        "   ;  ",
        "-- only a comment",
        "PREPARE p AS DELETE FROM t",
        "EXECUTE p",
        "REFRESH MATERIALIZED VIEW v",
        "COMMENT ON TABLE t IS 'x'"
      })
  void anythingElseIsAWrite(String sql) {
    assertThat(SqlReads.whyNotPlainRead(sql)).isPresent();
  }

  @Test
  void theReasonNamesWhatWasFound() {
    assertThat(SqlReads.whyNotPlainRead("SELECT 1; DROP TABLE t"))
        .hasValue("it holds 2 statements");
    assertThat(SqlReads.whyNotPlainRead("DROP TABLE t")).hasValue("it is DROP");
    assertThat(SqlReads.whyNotPlainRead("SELECT nextval('s')")).hasValue("it calls nextval()");
  }

  @Test
  void sqlLookingArgumentsAreFoundByNameOrByShape() {
    assertThat(SqlArguments.whyWrite(Map.of("sql", "DROP TABLE orders"), false)).isPresent();
    assertThat(SqlArguments.whyWrite(Map.of("query", "delete from orders"), false)).isPresent();
    assertThat(SqlArguments.whyWrite(Map.of("statement", "'x'; drop table t"), false)).isPresent();
    assertThat(SqlArguments.whyWrite(Map.of("rawSql", "truncate t"), false)).isPresent();
    assertThat(SqlArguments.whyWrite(Map.of("text", "DROP TABLE orders;"), false)).isPresent();
    assertThat(
            SqlArguments.whyWrite(Map.of("lines", java.util.List.of("ok", "DELETE FROM t")), false))
        .isPresent();
    assertThat(SqlArguments.whyWrite(Map.of("sql", "SELECT * FROM orders"), false)).isEmpty();
    assertThat(SqlArguments.whyWrite(Map.of("query", "label:bug is:open"), false)).isEmpty();
    assertThat(SqlArguments.whyWrite(Map.of("path", "update-notes.md"), false)).isEmpty();
    assertThat(SqlArguments.whyWrite(Map.of("message", "Update the readme"), false)).isEmpty();
    assertThat(SqlArguments.whyWrite(Map.of("maxCount", 3), false)).isEmpty();
    assertThat(SqlArguments.whyWrite(Map.of("pattern", "DELETE FROM orders"), true))
        .as("a read-only tool's search text is SQL-looking only by its name")
        .isEmpty();
    assertThat(SqlArguments.whyWrite(Map.of("sql", "DELETE FROM orders"), true)).isPresent();
  }
}

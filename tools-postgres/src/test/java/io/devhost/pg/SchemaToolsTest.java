package io.devhost.pg;

import static io.devhost.pg.PostgresFixture.call;
import static io.devhost.pg.PostgresFixture.ok;
import static io.devhost.pg.PostgresFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.ToolException;
import io.modelcontextprotocol.spec.McpSchema;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SchemaToolsTest {

  private static PostgresToolset tools;

  @BeforeAll
  static void start() throws SQLException {
    tools = PostgresFixture.toolset();
    try (var c = PostgresFixture.superuser()) {
      c.createStatement()
          .execute(
              "CREATE SCHEMA IF NOT EXISTS audit;"
                  + " CREATE TABLE IF NOT EXISTS audit.events (id int PRIMARY KEY, what text);"
                  + " COMMENT ON SCHEMA audit IS 'Who did what.'");
    }
  }

  @AfterAll
  static void stop() {
    tools.close();
  }

  @Test
  void listSchemasShowsEverySchemaButPostgresOwn() {
    var result = ok(tools, "list_schemas", Map.of());
    @SuppressWarnings("unchecked")
    var names =
        ((List<Map<String, Object>>) result.get("schemas"))
            .stream().map(s -> s.get("name")).toList();
    assertThat(names)
        .contains("public", "audit")
        .doesNotContain("pg_catalog", "information_schema");
  }

  @Test
  void listTablesHasKindsEstimatesAndSizes() {
    var result = ok(tools, "list_tables", Map.of("schema", "public"));
    @SuppressWarnings("unchecked")
    var tables = (List<Map<String, Object>>) result.get("tables");
    assertThat(tables)
        .extracting(t -> t.get("name"))
        .containsExactly(
            "customers", "order_items", "order_totals", "orders", "products", "schema_migrations");
    var orders = tables.get(3);
    assertThat(orders.get("kind")).isEqualTo("table");
    assertThat(orders.get("estimatedRows")).isEqualTo(10000L);
    assertThat((Long) orders.get("totalBytes")).isPositive();
    assertThat(tables.get(2).get("kind")).isEqualTo("view");
  }

  @Test
  void describeTableHasColumnsKeysIndexesConstraintsAndComments() {
    var t = ok(tools, "describe_table", Map.of("table", "order_items"));
    assertThat(t.get("schema")).isEqualTo("public");
    assertThat(t.get("primaryKey")).isEqualTo(List.of("order_id", "line_no"));
    assertThat((String) t.get("comment")).contains("no index on product_id");
    @SuppressWarnings("unchecked")
    var fks = (List<Map<String, Object>>) t.get("foreignKeys");
    assertThat(fks).extracting(f -> f.get("referencedTable")).containsExactly("orders", "products");
    assertThat((String) fks.get(0).get("definition")).contains("ON DELETE CASCADE");
    @SuppressWarnings("unchecked")
    var columns = (List<Map<String, Object>>) t.get("columns");
    assertThat(columns.get(4))
        .containsEntry("name", "unit_price")
        .containsEntry("type", "numeric(10,2)")
        .containsEntry("nullable", false);
    @SuppressWarnings("unchecked")
    var constraints = (List<Map<String, Object>>) t.get("constraints");
    assertThat(constraints).extracting(k -> k.get("definition")).contains("CHECK (quantity > 0)");

    var view = ok(tools, "describe_table", Map.of("table", "order_totals"));
    assertThat((String) view.get("viewDefinition")).contains("sum(");
  }

  @Test
  void describeTableExplainsAMissingTable() {
    var outcome = call(tools, "describe_table", Map.of("table", "ordres"));
    assertThat(outcome.errorKind()).isEqualTo(ToolException.Kind.NOT_FOUND);
    assertThat(text(outcome)).contains("list_tables");
  }

  @Test
  void explainReturnsThePlanAndAnalyzeAddsActuals() {
    var plain =
        ok(
            tools,
            "explain",
            Map.of("sql", "SELECT * FROM order_items WHERE product_id = $1", "params", List.of(7)));
    assertThat(plain.get("analyzed")).isEqualTo(false);
    var analyzed =
        call(
            tools,
            "explain",
            Map.of("sql", "SELECT * FROM order_items WHERE product_id = 7", "analyze", true));
    assertThat(text(analyzed)).contains("Seq Scan on order_items").contains("actual time=");
  }

  @Test
  void explainAnalyzeOfAWriteIsRefused() throws SQLException {
    var outcome = call(tools, "explain", Map.of("sql", "DELETE FROM order_items", "analyze", true));
    assertThat(outcome.errorKind()).isEqualTo(ToolException.Kind.DENIED);
    var plan =
        ok(tools, "explain", Map.of("sql", "DELETE FROM order_items", "database", "shop_rw"));
    assertThat(plan.get("analyzed")).isEqualTo(false);
    try (var c = PostgresFixture.superuser();
        var rs = c.createStatement().executeQuery("SELECT count(*) FROM order_items")) {
      rs.next();
      assertThat(rs.getLong(1)).isPositive();
    }
  }

  @Test
  void healthReportsIndexesConnectionsAndVacuumAge() {
    var h = ok(tools, "health", Map.of());
    assertThat(h).containsKeys("unusedIndexes", "invalidIndexes", "deadRows", "findings");
    @SuppressWarnings("unchecked")
    var connections = (Map<String, Object>) h.get("connections");
    assertThat((Integer) connections.get("total")).isPositive();
    assertThat((Long) h.get("autovacuumFreezeMaxAge")).isPositive();
  }

  @Test
  void topQueriesReadsPgStatStatements() {
    // Called more often than anything else the suite runs, so it ranks first by calls.
    for (int i = 0; i < 300; i++) {
      ok(tools, "query", Map.of("sql", "SELECT count(*) FROM orders WHERE status = 'paid'"));
    }
    var top = ok(tools, "top_queries", Map.of("orderBy", "calls", "limit", 50));
    @SuppressWarnings("unchecked")
    var statements = (List<Map<String, Object>>) top.get("statements");
    assertThat(statements)
        .extracting(s -> (String) s.get("query"))
        .anyMatch(q -> q.contains("FROM orders WHERE status ="));
  }

  @Test
  void topQueriesSaysHowToInstallTheExtensionWhenItIsMissing() throws SQLException {
    try (var c = PostgresFixture.superuser()) {
      c.createStatement().execute("DROP DATABASE IF EXISTS bare");
      c.createStatement().execute("CREATE DATABASE bare");
    }
    var url = PostgresFixture.superuserUrl().jdbcUrl().replace("/devhost", "/bare");
    try (var bare =
        PostgresToolset.of(
            List.of(
                DatabaseConfig.of(
                    "bare", new DatabaseUrl(url, "devhost_readonly", null), false, false)),
            PostgresFixture.LIMITS)) {
      var outcome = call(bare, "top_queries", Map.of());
      assertThat(outcome.errorKind()).isEqualTo(ToolException.Kind.UNAVAILABLE);
      assertThat(text(outcome))
          .contains("shared_preload_libraries")
          .contains("CREATE EXTENSION pg_stat_statements");
    }
  }

  @Test
  void theTableResourceTemplateReadsAnySchema() {
    var template = tools.resourceTemplates().get(0);
    assertThat(template.template().uriTemplate()).isEqualTo("postgres://{db}/{schema}/{table}");
    var result = template.reader().apply("postgres://shop/audit/events");
    var text = ((McpSchema.TextResourceContents) result.contents().get(0)).text();
    assertThat(text).contains("\"schema\" : \"audit\"").contains("\"name\" : \"events\"");
  }

  @Test
  void eachDatabaseListsEveryTableOfEverySchemaAsResources() {
    assertThat(tools.resources())
        .extracting(r -> r.resource().uri())
        .containsExactly("postgres://shop", "postgres://shop_rw");
    var result = tools.resources().get(0).reader().apply("postgres://shop");
    var text = ((McpSchema.TextResourceContents) result.contents().get(0)).text();
    assertThat(text).contains("postgres://shop/audit/events", "postgres://shop/public/orders");
  }

  @Test
  void completionsOfferDatabasesSchemasAndTables() {
    var completer = tools.completions().get(0).completer();
    assertThat(completer.complete("db", "sh")).containsExactly("shop", "shop_rw");
    assertThat(completer.complete("schema", "au")).containsExactly("audit");
    assertThat(completer.complete("table", "order"))
        .containsExactly("order_items", "order_totals", "orders");
  }

  @Test
  void theSlowQueryPromptNamesTheToolsToUse() {
    var prompt =
        tools.prompts().stream()
            .filter(p -> p.prompt().name().equals("explain_slow_query"))
            .findFirst()
            .orElseThrow();
    var result = prompt.renderer().apply(Map.of("sql", "SELECT 1"));
    var text = ((McpSchema.TextContent) result.messages().get(0).content()).text();
    assertThat(text).contains("SELECT 1").contains("explain").contains("database 'shop'");
  }
}

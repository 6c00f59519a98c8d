package io.devhost.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReservedExpansionUriTemplatesTest {

  private final ReservedExpansionUriTemplates factory = new ReservedExpansionUriTemplates();

  @Test
  void reservedExpansionMatchesAcrossSlashes() {
    var files = factory.create("file://{+path}");

    assertThat(files.matches("file:///home/me/src/App.java")).isTrue();
    assertThat(files.extractVariableValues("file:///home/me/src/App.java"))
        .isEqualTo(Map.of("path", "/home/me/src/App.java"));
    assertThat(files.matches("http://example.com/x")).isFalse();
  }

  @Test
  void simpleVariablesMatchOneSegment() {
    var tables = factory.create("pg://{db}/tables/{table}");

    assertThat(tables.matches("pg://main/tables/users")).isTrue();
    assertThat(tables.extractVariableValues("pg://main/tables/users"))
        .isEqualTo(Map.of("db", "main", "table", "users"));
    assertThat(tables.matches("pg://main/tables/a/b")).isFalse();
    assertThat(tables.isUriTemplate("pg://{db}")).isTrue();
    assertThat(tables.isUriTemplate("pg://main")).isFalse();
  }
}

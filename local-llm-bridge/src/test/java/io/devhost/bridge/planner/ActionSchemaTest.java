package io.devhost.bridge.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.bridge.host.HostTool;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionSchemaTest {

  private static HostTool tool(String name, Map<String, Object> input) {
    return new HostTool(name, "s", McpSchema.Tool.builder().name(name).inputSchema(input).build());
  }

  @Test
  void offersEachToolWithItsSchemaOrAnAnswer() {
    var schema =
        ActionSchema.of(
            List.of(
                tool(
                    "query",
                    Map.of(
                        "type", "object", "properties", Map.of("sql", Map.of("type", "string"))))),
            300);
    @SuppressWarnings("unchecked")
    var choices = (List<Map<String, Object>>) schema.get("anyOf");
    assertThat(choices).hasSize(2);
    assertThat(choices.get(0).toString())
        .contains("const=query")
        .contains("sql={maxLength=300, type=string}");
    assertThat(choices.get(1).toString()).contains("answer");
  }

  @Test
  void hoistsEachToolsDefinitionsToTheRootUnderItsOwnPrefix() {
    Map<String, Object> input =
        Map.of(
            "$schema",
            "https://json-schema.org/draft/2020-12/schema",
            "type",
            "object",
            "properties",
            Map.of("filter", Map.of("$ref", "#/$defs/Filter")),
            "$defs",
            Map.of(
                "Filter",
                Map.of(
                    "type",
                    "object",
                    "properties",
                    Map.of("next", Map.of("$ref", "#/$defs/Filter")))));
    var schema = ActionSchema.of(List.of(tool("a", input), tool("b.c", input)), 100);

    @SuppressWarnings("unchecked")
    var defs = (Map<String, Object>) schema.get("$defs");
    assertThat(defs).containsOnlyKeys("a__Filter", "b_c__Filter");
    assertThat(defs.get("a__Filter").toString()).contains("#/$defs/a__Filter");
    assertThat(schema.toString()).contains("#/$defs/b_c__Filter").doesNotContain("$schema");
  }
}

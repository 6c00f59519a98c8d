package io.devhost.bridge.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.bridge.host.HostTool;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgumentCoercionTest {

  private static final Map<String, Object> SCHEMA =
      Map.of(
          "type",
          "object",
          "properties",
          Map.of(
              "maxCount", Map.of("type", "integer", "minimum", 1),
              "ratio", Map.of("type", "number"),
              "recursive", Map.of("type", "boolean"),
              "paths", Map.of("type", "array", "items", Map.of("type", "string")),
              "ids", Map.of("type", "array", "items", Map.of("type", "integer")),
              "ref", Map.of("type", "string"),
              "either", Map.of("type", List.of("string", "integer")),
              "mode", Map.of("type", "string", "enum", List.of("a", "b"))),
          "additionalProperties",
          false);

  private final ArgumentValidator validator = new ArgumentValidator();
  private final HostTool tool =
      new HostTool("t", "s", McpSchema.Tool.builder().name("t").inputSchema(SCHEMA).build());

  private ArgumentValidator.Checked check(Map<String, Object> arguments) {
    return validator.check(tool, arguments);
  }

  @Test
  void convertsWhereExactlyOneReadingExistsAndNotesIt() {
    var checked =
        check(
            Map.of(
                "maxCount", "3",
                "ratio", "0.25",
                "recursive", "true",
                "paths", "src/a.txt",
                "ids", "7",
                "ref", 42));

    assertThat(checked).isInstanceOf(ArgumentValidator.Valid.class);
    var valid = (ArgumentValidator.Valid) checked;
    assertThat(valid.arguments())
        .containsEntry("maxCount", 3)
        .containsEntry("ratio", 0.25)
        .containsEntry("recursive", true)
        .containsEntry("paths", List.of("src/a.txt"))
        .containsEntry("ids", List.of(7))
        .containsEntry("ref", "42");
    assertThat(valid.coercions())
        .contains(
            "maxCount: \"3\" -> 3", "paths: \"src/a.txt\" -> [\"src/a.txt\"]", "ref: 42 -> \"42\"");
  }

  @Test
  void validArgumentsAreLeftAsTheyAre() {
    var valid = (ArgumentValidator.Valid) check(Map.of("maxCount", 3, "either", "x"));
    assertThat(valid.coercions()).isEmpty();
  }

  @Test
  void neverChangesAValuesMeaning() {
    for (Object bad : List.of("3.5", "03", "1e3", "three", "", " 3", "9999999999999999999999.0")) {
      assertThat(check(Map.of("maxCount", bad)))
          .as("maxCount %s", bad)
          .isInstanceOf(ArgumentValidator.Invalid.class);
    }
    assertThat(check(Map.of("recursive", "yes"))).isInstanceOf(ArgumentValidator.Invalid.class);
    assertThat(check(Map.of("ref", 1.10))).isInstanceOf(ArgumentValidator.Invalid.class);
    assertThat(check(Map.of("either", 1.5))).isInstanceOf(ArgumentValidator.Invalid.class);
    assertThat(check(Map.of("mode", 1))).isInstanceOf(ArgumentValidator.Invalid.class);
    assertThat(check(Map.of("maxCount", "0")))
        .as("converted but still outside the schema: the model is asked again")
        .isInstanceOf(ArgumentValidator.Invalid.class);
  }

  @Test
  void theRetryMessageCarriesTheFullSchema() {
    var invalid = (ArgumentValidator.Invalid) check(Map.of("maxCount", "3.5"));
    assertThat(invalid.message()).contains("Its schema: {").contains("\"minimum\":1");
  }
}

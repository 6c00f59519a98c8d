package io.devhost.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToolDefinitionsTest {

  record Text(String text) {}

  private static ToolSpec<Text, Text> echo(String name) {
    return ToolSpec.builder(name, Text.class, Text.class)
        .description("Echo, as the code says it.")
        .handler((ctx, in) -> in)
        .build();
  }

  @Test
  void theDefinitionIsTheStoredContractNotAGeneratedOne() {
    var tool = ToolDefinitions.toMcpTool(echo("stored_echo"));

    assertThat(tool.description()).isEqualTo("The description as the stored contract says it.");
    assertThat(tool.inputSchema()).containsEntry("additionalProperties", false);
  }

  @Test
  void aToolWithoutAStoredContractIsRefusedWithTheFix() {
    assertThatThrownBy(() -> ToolDefinitions.toMcpTool(echo("unstored_echo")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unstored_echo has no stored contract")
        .hasMessageContaining("META-INF/devhost/tool-contracts/unstored_echo.json")
        .hasMessageContaining("-Ddevhost.updateSnapshots=true");
  }
}

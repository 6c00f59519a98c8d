package io.devhost.bridge.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.bridge.host.HostTool;
import io.devhost.bridge.model.Turn;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {

  private static List<HostTool> tools(int n) {
    var tools = new ArrayList<HostTool>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> schema =
          Map.of(
              "type",
              "object",
              "properties",
              Map.of(
                  "path",
                  Map.of(
                      "type",
                      "string",
                      "description",
                      "A long explanation of the path. ".repeat(5))));
      tools.add(
          new HostTool(
              "tool_" + i,
              "s",
              McpSchema.Tool.builder()
                  .name("tool_" + i)
                  .description("Does thing " + i + ". " + "More words about it. ".repeat(20))
                  .inputSchema(schema)
                  .build()));
    }
    return tools;
  }

  @Test
  void putsEverythingInUserTurnsWithoutASystemTurn() {
    var builder = new PromptBuilder(tools(2), Budgets.DEFAULT, 8192);
    List<Turn> turns = builder.turns("find it", List.of(), List.of(), new Ledger(), 1, 12, null);

    assertThat(turns).singleElement().extracting(Turn::role).isEqualTo(Turn.Role.USER);
    assertThat(turns.get(0).content())
        .contains("- tool_0 [writes, destructive]: Does thing 0.")
        .contains("A long explanation of the path.")
        .contains("Task from the user: find it")
        .contains("This is step 1 of at most 12.");
  }

  @Test
  void writesALargeCatalogInItsShortFormToFitASmallContext() {
    var builder = new PromptBuilder(tools(40), Budgets.DEFAULT, 8192);
    String prompt =
        builder.turns("find it", List.of(), List.of(), new Ledger(), 1, 12, null).get(0).content();

    assertThat(prompt).contains("- tool_39").contains("\"path\":{\"type\":\"string\"}");
    assertThat(prompt).doesNotContain("A long explanation of the path.");
    assertThat(prompt.length())
        .isLessThan((int) (8192 * 0.3 * PromptBuilder.CHARS_PER_TOKEN) + 3000);
  }
}

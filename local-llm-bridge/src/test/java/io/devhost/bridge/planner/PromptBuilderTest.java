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
    var builder = new PromptBuilder(tools(2), "find it", Budgets.DEFAULT, 8192);
    List<Turn> turns = builder.turns("find it", List.of(), List.of(), new Ledger(), 1, 12, null);

    assertThat(turns).singleElement().extracting(Turn::role).isEqualTo(Turn.Role.USER);
    assertThat(turns.get(0).content())
        .contains("- tool_0(path?) [writes, destructive] Does thing 0.\n")
        .doesNotContain("More words about it")
        .doesNotContain("A long explanation of the path.")
        .contains("Task from the user: find it")
        .contains("This is step 1 of at most 12.");
  }

  @Test
  void aSignatureKeepsNamesTypesRequiredMarksEnumsAndDefaults() {
    Map<String, Object> schema =
        Map.of(
            "type",
            "object",
            "properties",
            new java.util.LinkedHashMap<>(
                Map.of("repo", Map.of("type", "string", "description", "Repository path."))),
            "required",
            List.of("repo"));
    @SuppressWarnings("unchecked")
    var properties = (Map<String, Object>) schema.get("properties");
    properties.put("maxCount", Map.of("type", "integer", "minimum", 1, "default", 20));
    properties.put("state", Map.of("type", "string", "enum", List.of("open", "closed")));
    properties.put("paths", Map.of("type", "array", "items", Map.of("type", "string")));
    var tool =
        new HostTool(
            "git_log",
            "git",
            McpSchema.Tool.builder()
                .name("git_log")
                .description(
                    "Lists commits, newest first, e.g. of one path. Each line has the hash.")
                .inputSchema(schema)
                .annotations(new McpSchema.ToolAnnotations(null, true, false, true, false, null))
                .build());

    assertThat(ToolSignature.line(tool))
        .isEqualTo(
            "- git_log(repo, maxCount?: integer=20, state?: \"open\"|\"closed\","
                + " paths?: string[]) [read-only] Lists commits, newest first, e.g. of one path.");
  }

  @Test
  void eachStepsPromptBeginsWithThePreviousStepsPromptUpToItsStatus() {
    var builder = new PromptBuilder(tools(3), "find it", Budgets.DEFAULT, 8192);
    var ledger = new Ledger();
    String step1 =
        builder.turns("find it", List.of(), List.of(), ledger, 1, 12, null).get(0).content();
    var call = new Action.ToolCall("tool_0", Map.of("path", "a"));
    var history = List.of(new Exchange(call, "Result (ledger #1): found", 1));
    var step2 = builder.turns("find it", List.of(), history, ledger, 2, 12, null);

    assertThat(step1).startsWith(step2.get(0).content());
    assertThat(step2.get(0).content().length()).isGreaterThan(step1.length() * 3 / 4);
  }

  @Test
  void aLargeCatalogShowsTheToolsTheTaskNamesAndOnlyNamesTheRest() {
    var tools = new ArrayList<>(tools(30));
    tools.add(
        new HostTool(
            "git_log",
            "git",
            McpSchema.Tool.builder()
                .name("git_log")
                .description("Lists commits of a repository.")
                .inputSchema(Map.of("type", "object"))
                .build()));
    var builder =
        new PromptBuilder(tools, "which commits changed the repository?", Budgets.DEFAULT, 8192);
    String prompt =
        builder.turns("x", List.of(), List.of(), new Ledger(), 1, 12, null).get(0).content();

    assertThat(prompt).contains("- git_log() [writes, destructive] Lists commits of a repository.");
    assertThat(prompt).contains("More tools, by name only").contains("tool_29");
    assertThat(prompt.split("Does thing", -1)).hasSize(ToolRetrieval.SHOWN); // 11 tools + git_log
  }
}

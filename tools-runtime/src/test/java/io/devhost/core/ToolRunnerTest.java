package io.devhost.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolRunnerTest {

  enum Mode {
    fast,
    slow
  }

  record Input(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
      @Schema(defaultValue = "3", minimum = "1") Integer count,
      Mode mode) {
    Input {
      if (count != null && count < 1) {
        throw new IllegalArgumentException("count must be 1 or more, got " + count + ".");
      }
    }
  }

  record Output(String greeting, List<String> items) {}

  private final ToolRunner runner = new ToolRunner(new ResultLimits(2048, 256));

  private ToolSpec<Input, Output> tool(ToolHandler<Input, Output> handler) {
    return ToolSpec.builder("greet", Input.class, Output.class)
        .description("test")
        .handler(handler)
        .render(Output::greeting)
        .build();
  }

  @Test
  void bindsArgumentsAndReturnsStructuredContentWithATextRendering() {
    var outcome =
        runner.run(
            tool((ctx, in) -> new Output("hi " + in.name(), List.of())),
            Map.of("name", "ada", "mode", "fast"),
            ToolContext.DETACHED);
    assertThat(outcome.isError()).isFalse();
    assertThat(outcome.result().structuredContent())
        .isEqualTo(Map.of("greeting", "hi ada", "items", List.of()));
    assertThat(((McpSchema.TextContent) outcome.result().content().get(0)).text())
        .isEqualTo("hi ada");
  }

  @Test
  void explainsWrongTypesUnknownArgumentsAndBadEnumValues() {
    var ok = tool((ctx, in) -> new Output("", List.of()));
    assertThat(message(runner.run(ok, Map.of("name", "a", "count", "x"), ToolContext.DETACHED)))
        .contains("'count'")
        .contains("an integer");
    assertThat(message(runner.run(ok, Map.of("nme", "a"), ToolContext.DETACHED)))
        .contains("Unknown argument 'nme'")
        .contains("name");
    assertThat(message(runner.run(ok, Map.of("name", "a", "mode", "warp"), ToolContext.DETACHED)))
        .contains("'mode'")
        .contains("[fast, slow]");
    assertThat(message(runner.run(ok, Map.of("name", "a", "count", 0), ToolContext.DETACHED)))
        .isEqualTo("count must be 1 or more, got 0.");
  }

  @Test
  void toolExceptionsKeepTheirMessageAndKind() {
    var outcome =
        runner.run(
            tool(
                (ctx, in) -> {
                  throw ToolException.notFound("No such thing: " + in.name());
                }),
            Map.of("name", "x"),
            ToolContext.DETACHED);
    assertThat(outcome.errorKind()).isEqualTo(ToolException.Kind.NOT_FOUND);
    assertThat(message(outcome)).isEqualTo("No such thing: x");
  }

  @Test
  void unexpectedFailuresRevealNoInternals() {
    var outcome =
        runner.run(
            tool(
                (ctx, in) -> {
                  throw new IllegalStateException("secret=hunter2 at /internal/path");
                }),
            Map.of("name", "x"),
            ToolContext.DETACHED);
    assertThat(outcome.errorKind()).isEqualTo(ToolException.Kind.INTERNAL);
    assertThat(message(outcome)).doesNotContain("hunter2").doesNotContain("/internal");
  }

  @Test
  void aResultOverTheCapIsRefusedAndLongTextIsCut() {
    var big = tool((ctx, in) -> new Output("x".repeat(300), List.of("y".repeat(5000))));
    var outcome = runner.run(big, Map.of("name", "x"), ToolContext.DETACHED);
    assertThat(outcome.errorKind()).isEqualTo(ToolException.Kind.TOO_LARGE);
    assertThat(message(outcome)).contains("2048-byte limit");

    var longText = tool((ctx, in) -> new Output("x".repeat(1000), List.of()));
    var text = message(runner.run(longText, Map.of("name", "x"), ToolContext.DETACHED));
    assertThat(text).startsWith("x".repeat(256)).contains("full result is in structuredContent");
  }

  private static String message(ToolRunner.Outcome outcome) {
    return ((McpSchema.TextContent) outcome.result().content().get(0)).text();
  }
}

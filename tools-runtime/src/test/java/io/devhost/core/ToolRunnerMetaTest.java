package io.devhost.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolRunnerMetaTest {

  record In() {}

  record Out(String value) {}

  private final ToolRunner runner = new ToolRunner(ResultLimits.DEFAULT);

  @Test
  void metadataAHandlerAttachesGoesToTheResultMetaNotTheStructuredContent() {
    var tool =
        ToolSpec.builder("quota", In.class, Out.class)
            .description("test")
            .handler(
                (ctx, in) -> {
                  ctx.resultMeta("example/quota", Map.of("remaining", 7));
                  return new Out("ok");
                })
            .build();
    var result = runner.run(tool, Map.of(), ToolContext.DETACHED).result();
    assertThat(result.meta()).isEqualTo(Map.of("example/quota", Map.of("remaining", 7)));
    assertThat(result.structuredContent()).isEqualTo(Map.of("value", "ok"));
  }

  @Test
  void metadataSurvivesAToolErrorAndIsAbsentWhenNoneWasAttached() {
    var failing =
        ToolSpec.builder("failing", In.class, Out.class)
            .description("test")
            .handler(
                (ctx, in) -> {
                  ctx.resultMeta("example/quota", 0);
                  throw ToolException.denied("no quota left");
                })
            .build();
    var error = runner.run(failing, Map.of(), ToolContext.DETACHED).result();
    assertThat(error.isError()).isTrue();
    assertThat(error.meta()).containsEntry("example/quota", 0);

    var plain =
        ToolSpec.builder("plain", In.class, Out.class)
            .description("test")
            .handler((ctx, in) -> new Out("x"))
            .build();
    assertThat(runner.run(plain, Map.of(), ToolContext.DETACHED).result().meta()).isNull();
  }
}

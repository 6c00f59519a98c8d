package io.devhost.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.modelcontextprotocol.spec.McpSchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolRunnerExtraContentTest {

  record In(String name) {}

  record Out(String name, @JsonIgnore @Schema(hidden = true) String pixels) {}

  private static final ToolSpec<In, Out> PICTURE =
      ToolSpec.builder("picture", In.class, Out.class)
          .description("Returns a picture.")
          .handler((ctx, in) -> new Out(in.name(), "iVBORw0KGgo="))
          .render(out -> "picture " + out.name())
          .extraContent(out -> List.of(new McpSchema.ImageContent(null, out.pixels(), "image/png")))
          .build();

  @Test
  void extraContentFollowsTheTextAndStaysOutOfStructuredContent() {
    var outcome =
        new ToolRunner(ResultLimits.DEFAULT)
            .run(PICTURE, Map.of("name", "a"), ToolContext.DETACHED);

    var content = outcome.result().content();
    assertThat(content).hasSize(2);
    assertThat(((McpSchema.TextContent) content.get(0)).text()).isEqualTo("picture a");
    var image = (McpSchema.ImageContent) content.get(1);
    assertThat(image.mimeType()).isEqualTo("image/png");
    assertThat(image.data()).isEqualTo("iVBORw0KGgo=");
    assertThat(outcome.result().structuredContent()).isEqualTo(Map.of("name", "a"));
    assertThat(outcome.bytes()).isGreaterThan("iVBORw0KGgo=".length());
  }

  @Test
  void toolsWithoutExtraContentReturnTextOnly() {
    var plain =
        ToolSpec.builder("plain", In.class, In.class)
            .description("Echo.")
            .handler((ctx, in) -> in)
            .build();
    var outcome =
        new ToolRunner(ResultLimits.DEFAULT).run(plain, Map.of("name", "b"), ToolContext.DETACHED);
    assertThat(outcome.result().content()).hasSize(1);
  }
}

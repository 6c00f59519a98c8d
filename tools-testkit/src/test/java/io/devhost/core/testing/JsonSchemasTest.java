package io.devhost.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

  record Out(String name, @JsonIgnore @Schema(hidden = true) String pixels) {}

  record Options(
      @Schema(description = "How many.", defaultValue = "10") Integer limit,
      @Schema(description = "Whether to recurse.", defaultValue = "false") Boolean recursive) {}

  @Test
  void hiddenComponentsAreLeftOutOfTheSchema() {
    assertThat(JsonSchemas.of(Out.class).toString()).contains("name").doesNotContain("pixels");
  }

  @Test
  @SuppressWarnings("unchecked")
  void defaultsTakeTheTypeOfTheirProperty() {
    var properties =
        (Map<String, Map<String, Object>>) JsonSchemas.of(Options.class).get("properties");

    assertThat(properties.get("limit").get("default")).isEqualTo(10L);
    assertThat(properties.get("recursive").get("default")).isEqualTo(false);
  }
}

package io.devhost.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a tool says about its writes is data the server filters and confirms on. */
class ToolSpecWritesTest {

  record Edit(String path, Boolean dryRun) {}

  record Done(boolean changed) {}

  private static ToolSpec.Builder<Edit, Done> edit() {
    return ToolSpec.builder("edit", Edit.class, Done.class)
        .description("Edits.")
        .handler((ctx, in) -> new Done(true));
  }

  @Test
  void aReadToolHasNoWriteSwitchAndIsNeverADryRun() {
    var read = edit().build();
    assertThat(read.writes()).isFalse();
    assertThat(read.writeSwitch()).isNull();
    assertThat(read.isDryRun(Map.of("dryRun", true))).isFalse();
  }

  @Test
  void aWriteNamesItsSwitchAndMayBeNonDestructive() {
    var append = edit().writes("fs-write").build();
    assertThat(append.writes()).isTrue();
    assertThat(append.destructive()).isFalse();
    assertThat(append.annotations().destructiveHint()).isFalse();
    assertThat(append.writeSwitch()).isEqualTo("fs-write");

    var overwrite = edit().destructive("fs-write").build();
    assertThat(overwrite.destructive()).isTrue();
    assertThat(overwrite.annotations().readOnlyHint()).isFalse();
  }

  @Test
  void onlyTheDeclaredArgumentMakesADryRun() {
    var tool = edit().destructive("fs-write").dryRunArgument("dryRun").build();
    assertThat(tool.isDryRun(Map.of("dryRun", true))).isTrue();
    assertThat(tool.isDryRun(Map.of("dryRun", false))).isFalse();
    assertThat(tool.isDryRun(Map.of("dryRun", "true"))).isFalse();
    assertThat(tool.isDryRun(Map.of())).isFalse();
    assertThat(edit().destructive("fs-write").build().isDryRun(Map.of("dryRun", true))).isFalse();
  }

  @Test
  void aDryRunArgumentMustBeABooleanOfTheInput() {
    assertThatThrownBy(() -> edit().destructive("fs-write").dryRunArgument("path").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("edit: the dry-run argument path is not a boolean of the input");
    assertThatThrownBy(() -> edit().destructive("fs-write").dryRunArgument("preview").build())
        .hasMessageContaining("preview");
  }
}

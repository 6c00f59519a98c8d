package io.devhost.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.core.ResultLimits;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolRunner;
import io.devhost.core.Toolset;
import io.devhost.server.testing.ServerArgs;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --demo} replaces the roots with the demo copy, and says so when roots are given too. */
class DemoOptionsTest {

  private static ServerOptions parse(String... args) {
    return ServerArgs.parse(args);
  }

  @Test
  void theDemoCopyIsTheOnlyRoot() {
    var toolsets = Toolsets.create(parse("--demo", "--toolsets", "fs,git"), Map.of());
    try {
      var listRoots =
          toolsets.get(0).tools().stream()
              .filter(t -> t.name().equals("list_allowed_directories"))
              .findFirst()
              .orElseThrow();
      var result =
          new ToolRunner(ResultLimits.DEFAULT).run(listRoots, Map.of(), ToolContext.DETACHED);
      assertThat(result.result().structuredContent().toString())
          .containsPattern("devhost-demo-\\d+/shop]");
    } finally {
      toolsets.forEach(Toolset::close);
    }
  }

  @Test
  void rootsAndTheDemoDoNotMix() {
    assertThatThrownBy(() -> Toolsets.create(parse("--demo", "--roots", "/tmp"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("drop --roots");
  }
}

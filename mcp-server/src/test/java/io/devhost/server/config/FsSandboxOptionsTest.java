package io.devhost.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.core.ResultLimits;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolRunner;
import io.devhost.core.Toolset;
import io.devhost.fs.Sandbox;
import io.devhost.fs.SandboxOptions;
import io.devhost.server.testing.ServerArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --fs-sandbox} picks how files are opened; {@code --allow-hard-links} lifts a refusal. */
class FsSandboxOptionsTest {

  @TempDir Path tmp;

  private static ServerOptions parse(String... args) {
    return ServerArgs.parse(args);
  }

  private static SandboxOptions.FsSandbox kind(String... args) {
    return parse(args).plugins().options(SandboxOptions.class).fsSandbox();
  }

  @Test
  void theSandboxKindIsChosenByNameAndDefaultsToTheBestAvailable() {
    assertThat(kind("--fs-sandbox", "portable").kind()).isEqualTo(Sandbox.Kind.PORTABLE);
    assertThat(kind("--fs-sandbox", "secure").kind()).isEqualTo(Sandbox.Kind.SECURE);
    assertThat(kind()).isNull();
    assertThat(Sandbox.Kind.bestAvailable()).isEqualTo(Sandbox.Kind.SECURE);
    assertThatThrownBy(() -> parse("--fs-sandbox", "fast"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("secure, portable");
  }

  @Test
  void hardLinkedFilesAreReadOnlyWithTheFlag() throws Exception {
    Path root = Files.createDirectory(tmp.resolve("root"));
    Path outside = Files.writeString(tmp.resolve("outside.txt"), "OUTSIDE");
    Files.createLink(root.resolve("linked.txt"), outside);
    String rootArg = root.toString();

    for (String kind : List.of("secure", "portable")) {
      var refused =
          read(parse("--toolsets", "fs", "--roots", rootArg, "--fs-sandbox", kind), "linked.txt");
      assertThat(refused).contains("hard links").contains("--allow-hard-links");
      var allowed =
          read(
              parse(
                  "--toolsets",
                  "fs",
                  "--roots",
                  rootArg,
                  "--fs-sandbox",
                  kind,
                  "--allow-hard-links"),
              "linked.txt");
      assertThat(allowed).contains("content=OUTSIDE");
    }
  }

  private static String read(ServerOptions options, String path) {
    var toolsets = Toolsets.create(options, Map.of());
    try {
      var tool =
          toolsets.get(0).tools().stream()
              .filter(t -> t.name().equals("read_text_file"))
              .findFirst()
              .orElseThrow();
      var outcome =
          new ToolRunner(ResultLimits.DEFAULT)
              .run(tool, Map.of("path", path), ToolContext.DETACHED);
      return outcome.result().toString();
    } finally {
      toolsets.forEach(Toolset::close);
    }
  }
}

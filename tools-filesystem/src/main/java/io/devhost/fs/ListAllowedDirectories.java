package io.devhost.fs;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.file.Path;
import java.util.List;

/** Tells a client where it may look, before it guesses paths. */
final class ListAllowedDirectories {

  private ListAllowedDirectories() {}

  @Schema(description = "No arguments.")
  record Input() {}

  record Output(
      @Schema(
              description =
                  "Absolute real paths of the directories this session may access (the configured"
                      + " ones, else the client's roots); empty when none is set.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          List<String> directories,
      @Schema(
              description = "Those of them that are read-only.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          List<String> readOnly) {}

  static ToolSpec<Input, Output> spec(Sandbox sandbox) {
    return ToolSpec.builder("list_allowed_directories", Input.class, Output.class)
        .title("List allowed directories")
        .description(
            "Lists the directories this server may read and write (and which are read-only)."
                + " Every other file tool refuses paths outside them; relative paths are taken"
                + " against the first one.")
        .idempotent()
        .handler(
            (ctx, in) -> {
              List<Path> dirs = sandbox.effectiveRoots(ctx);
              return new Output(
                  dirs.stream().map(Path::toString).toList(),
                  dirs.stream()
                      .filter(
                          d ->
                              sandbox.roots().stream()
                                  .anyMatch(r -> d.startsWith(r) && sandbox.isReadOnly(r)))
                      .map(Path::toString)
                      .toList());
            })
        .render(
            out ->
                out.directories().isEmpty()
                    ? "No allowed directory: every file and git tool refuses every path until a"
                        + " root is configured."
                    : "Allowed directories:\n"
                        + String.join("\n", out.directories())
                        + (out.readOnly().isEmpty()
                            ? ""
                            : "\nRead-only:\n" + String.join("\n", out.readOnly())))
        .build();
  }
}

package io.devhost.fs;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Creates or replaces a file atomically, optionally only if it is the version last read. */
final class WriteFile {

  private WriteFile() {}

  record Input(
      @Schema(description = "File to write.", requiredMode = Schema.RequiredMode.REQUIRED)
          String path,
      @Schema(
              description = "The complete new content (UTF-8).",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String content,
      @Schema(description = "Create missing parent directories.", defaultValue = "false")
          Boolean createParents,
      @Schema(
              description =
                  "SHA-256 (hex) of the file as last read; the write fails if the file has changed"
                      + " since. get_file_info and every write return it.")
          String expectedSha256) {
    Input {
      if (content == null) {
        throw new IllegalArgumentException("content is required; pass \"\" for an empty file.");
      }
    }
  }

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String path,
      @Schema(description = "Bytes written.", requiredMode = Schema.RequiredMode.REQUIRED)
          long bytes,
      @Schema(
              description = "SHA-256 of the new content.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String sha256,
      @Schema(
              description = "True when the file did not exist before.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          boolean created) {}

  static ToolSpec<Input, Output> spec(Sandbox sandbox) {
    return ToolSpec.builder("write_file", Input.class, Output.class)
        .title("Write a file")
        .description(
            "Creates a file or replaces its whole content, atomically (a temp file in the same"
                + " directory renamed over it: readers see the old or the new file, never half)."
                + " Pass expectedSha256 to fail instead of overwriting changes made since you read"
                + " it. Use edit_file for small changes to a large file.")
        .destructive(FilesystemToolset.WRITE_SWITCH)
        .idempotent()
        .handler((ctx, in) -> write(sandbox, ctx, in))
        .render(
            out ->
                (out.created() ? "Created " : "Wrote ")
                    + out.path()
                    + " ("
                    + out.bytes()
                    + " bytes)")
        .build();
  }

  private static Output write(Sandbox sandbox, ToolContext ctx, Input in) {
    byte[] bytes = in.content().getBytes(StandardCharsets.UTF_8);
    FileWrites.checkSize(sandbox, bytes.length, in.path());
    boolean parents = Boolean.TRUE.equals(in.createParents());
    var t = sandbox.forWrite(in.path(), ctx, parents);
    try (VerifiedDir dir = sandbox.openParent(t, parents)) {
      byte[] current = FileWrites.current(sandbox, dir, t);
      FileWrites.checkExpected(current, in.expectedSha256(), in.path());
      FileWrites.replace(dir, t, bytes);
      return new Output(
          t.real().toString(), bytes.length, FileWrites.sha256(bytes), current == null);
    } catch (IOException e) {
      throw Sandbox.ioFailure(in.path(), e);
    }
  }
}

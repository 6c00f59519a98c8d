package io.devhost.fs;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.nio.channels.FileChannel;

/** Copies one regular file; the copy appears atomically and never replaces a file unasked. */
final class CopyFile {

  private CopyFile() {}

  record Input(
      @Schema(description = "File to copy.", requiredMode = Schema.RequiredMode.REQUIRED)
          String source,
      @Schema(description = "Path of the copy.", requiredMode = Schema.RequiredMode.REQUIRED)
          String destination,
      @Schema(description = "Replace the destination if it exists.", defaultValue = "false")
          Boolean overwrite,
      @Schema(
              description = "Create missing parent directories of the destination.",
              defaultValue = "false")
          Boolean createParents) {}

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String source,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String destination,
      @Schema(description = "Bytes copied.", requiredMode = Schema.RequiredMode.REQUIRED)
          long bytes) {}

  static ToolSpec<Input, Output> spec(Sandbox sandbox) {
    return ToolSpec.builder("copy_file", Input.class, Output.class)
        .title("Copy a file")
        .description(
            "Copies a regular file. Refuses to replace an existing destination unless"
                + " overwrite=true. The copy is written to a temp file and renamed into place.")
        .destructive(FilesystemToolset.WRITE_SWITCH)
        .handler((ctx, in) -> copy(sandbox, ctx, in))
        .render(
            out ->
                "Copied "
                    + out.source()
                    + " to "
                    + out.destination()
                    + " ("
                    + out.bytes()
                    + " bytes)")
        .build();
  }

  private static Output copy(Sandbox sandbox, ToolContext ctx, Input in) {
    var src = sandbox.existing(in.source(), ctx, Sandbox.Access.READ);
    boolean parents = Boolean.TRUE.equals(in.createParents());
    var dst = sandbox.forWrite(in.destination(), ctx, parents);
    try (FileChannel from = sandbox.openFile(src);
        VerifiedDir dir = sandbox.openParent(dst, parents)) {
      long size = from.size();
      FileWrites.checkSize(sandbox, size, in.destination());
      var existing = dir.attributes(dst.name());
      if (existing != null && (!Boolean.TRUE.equals(in.overwrite()) || existing.isDirectory())) {
        throw new ToolException(
            ToolException.Kind.CONFLICT,
            in.destination()
                + (existing.isDirectory()
                    ? " is a directory; give the full path of the copy."
                    : " already exists. Pass overwrite=true to replace it."));
      }
      dir.writeAtomically(
          dst.name(),
          null,
          out -> {
            long pos = 0;
            while (pos < size) {
              long n = from.transferTo(pos, size - pos, out);
              if (n <= 0) {
                break;
              }
              pos += n;
            }
          });
      return new Output(src.real().toString(), dst.real().toString(), size);
    } catch (IOException e) {
      throw Sandbox.ioFailure(in.destination(), e);
    }
  }
}

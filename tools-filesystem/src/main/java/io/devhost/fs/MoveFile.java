package io.devhost.fs;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.nio.file.FileSystemException;

/** Moves or renames a file or directory with one rename; never replaces anything unasked. */
final class MoveFile {

  private MoveFile() {}

  record Input(
      @Schema(
              description = "File or directory to move.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String source,
      @Schema(description = "New path.", requiredMode = Schema.RequiredMode.REQUIRED)
          String destination,
      @Schema(description = "Replace an existing destination file.", defaultValue = "false")
          Boolean overwrite,
      @Schema(
              description = "Create missing parent directories of the destination.",
              defaultValue = "false")
          Boolean createParents) {}

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String source,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String destination) {}

  static ToolSpec<Input, Output> spec(Sandbox sandbox) {
    return ToolSpec.builder("move_file", Input.class, Output.class)
        .title("Move or rename")
        .description(
            "Moves or renames a file or directory in one atomic rename. Refuses to replace an"
                + " existing destination unless overwrite=true (files only; a directory is never"
                + " replaced). Source and destination must be on the same file system.")
        .destructive(FilesystemToolset.WRITE_SWITCH)
        .handler((ctx, in) -> move(sandbox, ctx, in))
        .render(out -> "Moved " + out.source() + " to " + out.destination())
        .build();
  }

  private static Output move(Sandbox sandbox, ToolContext ctx, Input in) {
    var src = sandbox.existing(in.source(), ctx, Sandbox.Access.WRITE);
    if (src.isRoot()) {
      throw ToolException.invalid(in.source() + " is an allowed root; it cannot be moved.");
    }
    boolean parents = Boolean.TRUE.equals(in.createParents());
    var dst = sandbox.forWrite(in.destination(), ctx, parents);
    if (dst.real().startsWith(src.real())) {
      throw ToolException.invalid("Cannot move " + in.source() + " into itself.");
    }
    try (VerifiedDir from = sandbox.openParent(src, false);
        VerifiedDir to = sandbox.openParent(dst, parents)) {
      var attrs = from.attributes(src.name());
      if (attrs == null) {
        throw ToolException.notFound("No such file or directory: " + in.source() + ".");
      }
      if (attrs.isDirectory()) {
        try (VerifiedDir moved = from.child(src.name())) {
          sandbox.requireNothingProtectedInside(moved, src);
        }
      }
      var existing = to.attributes(dst.name());
      if (existing != null && (!Boolean.TRUE.equals(in.overwrite()) || existing.isDirectory())) {
        throw new ToolException(
            ToolException.Kind.CONFLICT,
            in.destination()
                + (existing.isDirectory()
                    ? " is an existing directory; it is never replaced."
                    : " already exists. Pass overwrite=true to replace it."));
      }
      from.moveTo(src.name(), to, dst.name(), in.source());
      return new Output(src.real().toString(), dst.real().toString());
    } catch (FileSystemException e) {
      if (e.getReason() != null && e.getReason().contains("cross-device")) {
        throw ToolException.invalid(
            "Cannot move across file systems; use copy_file then delete_file.");
      }
      throw Sandbox.ioFailure(in.source(), e);
    } catch (IOException e) {
      throw Sandbox.ioFailure(in.source(), e);
    }
  }
}

package io.devhost.fs;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;

/** Deletes a file, or a directory tree when asked; links are removed, never followed. */
final class DeleteFile {

  private DeleteFile() {}

  record Input(
      @Schema(
              description = "File or directory to delete.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String path,
      @Schema(description = "Delete a directory with everything in it.", defaultValue = "false")
          Boolean recursive) {}

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String path,
      @Schema(description = "Files and links deleted.", requiredMode = Schema.RequiredMode.REQUIRED)
          long files,
      @Schema(description = "Directories deleted.", requiredMode = Schema.RequiredMode.REQUIRED)
          long directories) {}

  private static final class Counts {
    long files;
    long directories;
  }

  static ToolSpec<Input, Output> spec(Sandbox sandbox) {
    return ToolSpec.builder("delete_file", Input.class, Output.class)
        .title("Delete a file or directory")
        .description(
            "Deletes a file or symbolic link (the link, not its target), or a directory: an"
                + " empty one, or with recursive=true everything in it. Cannot be undone.")
        .destructive(FilesystemToolset.WRITE_SWITCH)
        .handler((ctx, in) -> delete(sandbox, ctx, in))
        .render(
            out ->
                "Deleted "
                    + out.path()
                    + " ("
                    + out.files()
                    + " files, "
                    + out.directories()
                    + " directories)")
        .build();
  }

  private static Output delete(Sandbox sandbox, ToolContext ctx, Input in) {
    var t = sandbox.existing(in.path(), ctx, Sandbox.Access.WRITE);
    if (t.isRoot()) {
      throw ToolException.invalid(in.path() + " is an allowed root; it cannot be deleted.");
    }
    var counts = new Counts();
    try (VerifiedDir parent = sandbox.openParent(t, false)) {
      var attrs = parent.attributes(t.name());
      if (attrs == null) {
        throw ToolException.notFound("No such file or directory: " + in.path() + ".");
      }
      if (attrs.isDirectory()) {
        if (Boolean.TRUE.equals(in.recursive())) {
          try (VerifiedDir dir = parent.child(t.name())) {
            sandbox.requireNothingProtectedInside(dir, t);
          }
          try (VerifiedDir dir = parent.child(t.name())) {
            deleteContents(dir, counts, ctx);
          }
        }
        parent.deleteDirectory(t.name());
        counts.directories++;
      } else {
        parent.deleteFile(t.name());
        counts.files++;
      }
      return new Output(t.real().toString(), counts.files, counts.directories);
    } catch (IOException e) {
      throw Sandbox.ioFailure(in.path(), e);
    }
  }

  private static void deleteContents(VerifiedDir dir, Counts counts, ToolContext ctx)
      throws IOException {
    ctx.throwIfCancelled();
    var names = new ArrayList<Path>();
    for (Path p : dir) {
      names.add(p.getFileName());
    }
    for (Path name : names) {
      var attrs = dir.attributes(name);
      if (attrs == null) {
        continue;
      }
      if (attrs.isDirectory()) {
        try (VerifiedDir child = dir.child(name)) {
          deleteContents(child, counts, ctx);
        }
        dir.deleteDirectory(name);
        counts.directories++;
      } else {
        dir.deleteFile(name);
        counts.files++;
      }
    }
  }
}

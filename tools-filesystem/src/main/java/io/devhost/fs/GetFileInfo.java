package io.devhost.fs;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.nio.file.attribute.PosixFilePermissions;

/** Metadata of one file or directory, and the SHA-256 a later write can be checked against. */
final class GetFileInfo {

  static final long MAX_HASH_BYTES = 32L * 1024 * 1024;

  private GetFileInfo() {}

  record Input(
      @Schema(description = "File or directory.", requiredMode = Schema.RequiredMode.REQUIRED)
          String path) {}

  record Output(
      @Schema(description = "Real path.", requiredMode = Schema.RequiredMode.REQUIRED) String path,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ListDirectory.Kind type,
      @Schema(description = "Size in bytes.", requiredMode = Schema.RequiredMode.REQUIRED)
          long size,
      @Schema(description = "ISO-8601.", requiredMode = Schema.RequiredMode.REQUIRED)
          String modified,
      @Schema(description = "ISO-8601.") String created,
      @Schema(description = "ISO-8601.") String accessed,
      @Schema(description = "POSIX permissions, e.g. rw-r--r--.") String permissions,
      @Schema(description = "Owner name.") String owner,
      @Schema(
              description = "True when the root this lies in is read-only.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          boolean readOnly,
      @Schema(
              description =
                  "SHA-256 of a regular file's content (up to 32 MiB), for expectedSha256.")
          String sha256) {}

  static ToolSpec<Input, Output> spec(Sandbox sandbox) {
    return ToolSpec.builder("get_file_info", Input.class, Output.class)
        .title("File information")
        .description(
            "Returns a file's or directory's type, size, times, permissions and owner, and for a"
                + " regular file its SHA-256 (pass it as expectedSha256 to write_file or edit_file"
                + " so they fail if the file changed meanwhile).")
        .idempotent()
        .handler((ctx, in) -> info(sandbox, ctx, in))
        .build();
  }

  private static Output info(Sandbox sandbox, ToolContext ctx, Input in) {
    var t = sandbox.existing(in.path(), ctx, Sandbox.Access.READ);
    try {
      var a = sandbox.attributes(t);
      String perms = null;
      String owner = null;
      String sha = null;
      if (!t.isRoot()) {
        try (VerifiedDir dir = sandbox.openParent(t, false)) {
          var posix = dir.posixAttributes(t.name());
          if (posix != null) {
            perms = PosixFilePermissions.toString(posix.permissions());
            owner = posix.owner().getName();
          }
          if (a.isRegularFile() && a.size() <= MAX_HASH_BYTES) {
            sha = FileWrites.sha256(dir.readAll(t.name(), in.path(), MAX_HASH_BYTES));
          }
        }
      }
      var kind =
          a.isDirectory()
              ? ListDirectory.Kind.directory
              : a.isRegularFile()
                  ? ListDirectory.Kind.file
                  : a.isSymbolicLink() ? ListDirectory.Kind.symlink : ListDirectory.Kind.other;
      return new Output(
          t.real().toString(),
          kind,
          a.size(),
          a.lastModifiedTime().toString(),
          a.creationTime().toString(),
          a.lastAccessTime().toString(),
          perms,
          owner,
          sandbox.isReadOnly(t.root()),
          sha);
    } catch (IOException e) {
      throw Sandbox.ioFailure(in.path(), e);
    }
  }
}

package io.devhost.git;

import io.swagger.v3.oas.annotations.media.Schema;
import org.eclipse.jgit.diff.DiffEntry;

/** One file in a diff, with its line counts. */
record FileChange(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String path,
    @Schema(description = "Previous path of a rename or copy.") String oldPath,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"added", "modified", "deleted", "renamed", "copied"})
        String change,
    Integer additions,
    Integer deletions,
    @Schema(description = "True for a binary file; no line counts then.") Boolean binary,
    @Schema(
            description =
                "Why this file's patch and line counts are left out: its path matches a deny"
                    + " rule (secrets).")
        String withheld) {

  static FileChange of(DiffEntry e, int additions, int deletions, boolean binary) {
    return new FileChange(
        path(e),
        oldPath(e),
        kind(e),
        binary ? null : additions,
        binary ? null : deletions,
        binary ? Boolean.TRUE : null,
        null);
  }

  /** A change to a file hidden by the deny rules: its paths and kind, nothing from its content. */
  static FileChange withheld(DiffEntry e, String note) {
    return new FileChange(path(e), oldPath(e), kind(e), null, null, null, note);
  }

  private static String kind(DiffEntry e) {
    return switch (e.getChangeType()) {
      case ADD -> "added";
      case DELETE -> "deleted";
      case RENAME -> "renamed";
      case COPY -> "copied";
      case MODIFY -> "modified";
    };
  }

  private static String path(DiffEntry e) {
    return e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath();
  }

  private static String oldPath(DiffEntry e) {
    boolean moved =
        e.getChangeType() == DiffEntry.ChangeType.RENAME
            || e.getChangeType() == DiffEntry.ChangeType.COPY;
    return moved ? e.getOldPath() : null;
  }
}

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
    @Schema(description = "True for a binary file; no line counts then.") Boolean binary) {

  static FileChange of(DiffEntry e, int additions, int deletions, boolean binary) {
    String kind =
        switch (e.getChangeType()) {
          case ADD -> "added";
          case DELETE -> "deleted";
          case RENAME -> "renamed";
          case COPY -> "copied";
          case MODIFY -> "modified";
        };
    boolean moved =
        e.getChangeType() == DiffEntry.ChangeType.RENAME
            || e.getChangeType() == DiffEntry.ChangeType.COPY;
    String path =
        e.getChangeType() == DiffEntry.ChangeType.DELETE ? e.getOldPath() : e.getNewPath();
    return new FileChange(
        path,
        moved ? e.getOldPath() : null,
        kind,
        binary ? null : additions,
        binary ? null : deletions,
        binary ? Boolean.TRUE : null);
  }
}

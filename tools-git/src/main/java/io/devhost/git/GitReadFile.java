package io.devhost.git;

import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** A file's text as it was at a revision, read from the object store, not the working tree. */
final class GitReadFile {

  static final int MAX_CONTENT_CHARS = 256 * 1024;
  static final int MAX_BLOB_BYTES = 32 * 1024 * 1024;

  private GitReadFile() {}

  record Input(
      @Schema(description = GitArgs.PATH, requiredMode = Schema.RequiredMode.REQUIRED) String path,
      @Schema(description = GitArgs.REPO) String repo,
      @Schema(description = GitArgs.REF) String ref,
      @Schema(description = "First line to return, counting from 1.", minimum = "1") Integer offset,
      @Schema(description = "Number of lines to return.", minimum = "1") Integer limit) {
    Input {
      path = GitArgs.path("path", path);
      if (path == null || path.isEmpty()) {
        throw new IllegalArgumentException("path is required: the file to read.");
      }
      GitArgs.ref("ref", ref);
      if (offset != null && offset < 1 || limit != null && limit < 1) {
        throw new IllegalArgumentException("offset and limit must be 1 or more.");
      }
    }
  }

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String path,
      @Schema(description = "The commit read from.", requiredMode = Schema.RequiredMode.REQUIRED)
          String commit,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String content,
      int startLine,
      int endLine,
      int totalLines,
      @Schema(description = "Pass as offset to read on; absent at the end.") Integer nextOffset) {}

  static ToolSpec<Input, Output> spec(GitRepositories repos) {
    return ToolSpec.builder("git_read_file", Input.class, Output.class)
        .title("Read a file at a revision")
        .description(
            "Reads a text file as it is at ref (default HEAD), or a line range of it (offset,"
                + " limit). Output over "
                + MAX_CONTENT_CHARS / 1024
                + " KiB stops with nextOffset. Refuses binary files and files hidden by the deny rules"
                + " (secrets such as .env), at every revision.")
        .idempotent()
        .handler(
            (ctx, in) ->
                repos.with(
                    ctx,
                    in.repo(),
                    repo ->
                        read(
                            repo,
                            repos.deniedPaths(repo, ctx),
                            in.path(),
                            in.ref(),
                            in.offset(),
                            in.limit())))
        .render(Output::content)
        .build();
  }

  static Output read(
      Repository repo, DeniedPaths denied, String path, String ref, Integer offset, Integer limit)
      throws Exception {
    denied.requireReadable(path);
    try (var walk = new RevWalk(repo)) {
      var commit = GitArgs.commit(walk, repo, ref);
      String at = ref == null ? "HEAD" : ref;
      try (var tw = TreeWalk.forPath(repo, path, commit.getTree())) {
        if (tw == null) {
          throw ToolException.notFound(
              "No file " + path + " at " + at + ". git_grep or git_log with path can find it.");
        }
        FileMode mode = tw.getFileMode(0);
        if (mode == FileMode.TREE) {
          throw ToolException.invalid(path + " is a directory at " + at + ".");
        }
        if (mode == FileMode.GITLINK) {
          throw ToolException.invalid(path + " is a submodule at " + at + ".");
        }
        var loader = repo.open(tw.getObjectId(0));
        if (loader.getSize() > MAX_BLOB_BYTES) {
          throw new ToolException(
              ToolException.Kind.TOO_LARGE,
              path
                  + " is "
                  + loader.getSize()
                  + " bytes, over the "
                  + MAX_BLOB_BYTES
                  + "-byte limit.");
        }
        byte[] bytes = loader.getCachedBytes(MAX_BLOB_BYTES);
        if (RawText.isBinary(bytes)) {
          throw ToolException.invalid(
              path + " at " + at + " is binary (" + bytes.length + " bytes).");
        }
        return slice(
            path, commit.getName(), new String(bytes, StandardCharsets.UTF_8), offset, limit);
      }
    }
  }

  private static Output slice(
      String path, String commit, String text, Integer offset, Integer limit) {
    String[] lines = text.split("\n", -1);
    int total = text.endsWith("\n") ? lines.length - 1 : lines.length;
    int first = offset == null ? 1 : offset;
    if (first > Math.max(total, 1)) {
      throw ToolException.invalid(
          "offset " + first + " is past the end; the file has " + total + " lines.");
    }
    int last = limit == null ? total : Math.min(total, first + limit - 1);
    var sb = new StringBuilder();
    int end = first - 1;
    for (int i = first; i <= last; i++) {
      String line = lines[i - 1];
      if (sb.length() + line.length() > MAX_CONTENT_CHARS && i > first) {
        break;
      }
      if (i > first) {
        sb.append('\n');
      }
      sb.append(line);
      end = i;
    }
    Integer next = end < total ? end + 1 : null;
    return new Output(
        path, commit, UntrustedText.strip(sb.toString()), total == 0 ? 0 : first, end, total, next);
  }
}

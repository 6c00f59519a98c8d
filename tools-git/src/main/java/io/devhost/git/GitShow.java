package io.devhost.git;

import io.devhost.core.Cursor;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/** One commit with its patch against its first parent. */
final class GitShow {

  private GitShow() {}

  record Input(
      @Schema(description = GitArgs.REPO) String repo,
      @Schema(description = GitArgs.REF) String ref,
      @Schema(description = "Only the diff of this file or directory.") String path,
      @Schema(description = "Lines of context around changes.", defaultValue = "3", minimum = "0")
          Integer contextLines,
      @Schema(description = "nextCursor of the previous page.") String cursor) {
    Input {
      GitArgs.ref("ref", ref);
      path = GitArgs.path("path", path);
      GitDiff.checkContext(contextLines);
    }
  }

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) CommitInfo commit,
      @Schema(description = "Files covered by this page.") List<FileChange> files,
      @Schema(description = "Unified diff against the first parent.") String patch,
      int totalFiles,
      @Schema(description = "Pass as cursor to continue the patch; absent when complete.")
          String nextCursor) {}

  static ToolSpec<Input, Output> spec(GitRepositories repos) {
    return ToolSpec.builder("git_show", Input.class, Output.class)
        .title("Git show")
        .description(
            "Shows a commit (default HEAD): message, author, changed files and the unified diff"
                + " against its first parent; files hidden by the deny rules (secrets) are listed with"
                + " their patch withheld. Patches over "
                + DiffPages.MAX_PATCH_CHARS / 1000
                + "k characters continue with nextCursor.")
        .idempotent()
        .handler(
            (ctx, in) ->
                repos.with(
                    ctx, in.repo(), repo -> show(repo, repos.deniedPaths(repo, ctx), in, ctx)))
        .render(GitShow::render)
        .build();
  }

  private static Output show(Repository repo, DeniedPaths denied, Input in, ToolContext ctx)
      throws Exception {
    try (var walk = new RevWalk(repo)) {
      // A continuation shows the same commit even if the ref moved in between.
      String ref =
          in.cursor() == null ? in.ref() : (String) Cursor.decode(in.cursor()).get("commit");
      var commit = GitArgs.commit(walk, repo, ref);
      var page =
          DiffPages.page(
              repo,
              denied,
              TreeSides.parentOf(repo, commit),
              TreeSides.tree(repo, commit.getTree()),
              in.path(),
              in.contextLines() == null ? 3 : in.contextLines(),
              in.cursor(),
              Map.of("commit", commit.getName()),
              ctx);
      return new Output(
          CommitInfo.of(commit, null),
          page.files(),
          page.patch(),
          page.totalFiles(),
          page.nextCursor());
    }
  }

  private static String render(Output out) {
    var c = out.commit();
    var sb = new StringBuilder();
    sb.append("commit ").append(c.sha()).append('\n');
    sb.append("Author: ").append(c.author()).append(" <").append(c.email()).append(">\n");
    sb.append("Date:   ").append(c.date()).append("\n\n    ").append(c.subject()).append('\n');
    if (c.body() != null) {
      sb.append('\n').append(c.body().indent(4));
    }
    sb.append('\n').append(out.patch());
    if (out.nextCursor() != null) {
      sb.append("… patch continues: pass cursor=").append(out.nextCursor()).append('\n');
    }
    return sb.toString();
  }
}

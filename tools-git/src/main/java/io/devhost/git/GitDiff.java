package io.devhost.git;

import io.devhost.core.Cursor;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;

/** Differences between two of: a revision, the index, the working tree. */
final class GitDiff {

  static final int MAX_CONTEXT = 100;

  private GitDiff() {}

  record Input(
      @Schema(description = GitArgs.REPO) String repo,
      @Schema(description = "Old side: a revision. Default: the index (or HEAD when staged).")
          String from,
      @Schema(description = "New side: a revision (needs from). Default: the working tree.")
          String to,
      @Schema(description = "Compare the index (staged changes) with from/HEAD.") Boolean staged,
      @Schema(description = "Only this file or directory.") String path,
      @Schema(description = "Lines of context around changes.", defaultValue = "3", minimum = "0")
          Integer contextLines,
      @Schema(description = "nextCursor of the previous page.") String cursor) {
    Input {
      GitArgs.ref("from", from);
      GitArgs.ref("to", to);
      path = GitArgs.path("path", path);
      checkContext(contextLines);
      if (to != null && from == null) {
        throw new IllegalArgumentException("to needs from: pass both revisions to compare them.");
      }
      if (to != null && Boolean.TRUE.equals(staged)) {
        throw new IllegalArgumentException("staged compares the index; it cannot take to.");
      }
    }
  }

  record Output(
      @Schema(description = "What was compared, e.g. 'index..working tree'.") String compared,
      @Schema(description = "Files covered by this page.") List<FileChange> files,
      @Schema(description = "Unified diff.") String patch,
      int totalFiles,
      @Schema(description = "Pass as cursor to continue the patch; absent when complete.")
          String nextCursor) {}

  static ToolSpec<Input, Output> spec(GitRepositories repos) {
    return ToolSpec.builder("git_diff", Input.class, Output.class)
        .title("Git diff")
        .description(
            "Unified diff. No arguments: unstaged changes (working tree vs index). staged=true:"
                + " index vs HEAD (or from). from only: from vs working tree. from and to: two"
                + " revisions. Files hidden by the deny rules (secrets) are listed with their"
                + " patch withheld. Patches over "
                + DiffPages.MAX_PATCH_CHARS / 1000
                + "k characters continue with nextCursor.")
        .idempotent()
        .handler(
            (ctx, in) ->
                repos.with(
                    ctx, in.repo(), repo -> diff(repo, repos.deniedPaths(repo, ctx), in, ctx)))
        .render(
            out ->
                out.patch().isEmpty() ? "No differences (" + out.compared() + ")." : patchText(out))
        .build();
  }

  static void checkContext(Integer contextLines) {
    if (contextLines != null && (contextLines < 0 || contextLines > MAX_CONTEXT)) {
      throw new IllegalArgumentException(
          "contextLines must be between 0 and " + MAX_CONTEXT + ", got " + contextLines + ".");
    }
  }

  private static Output diff(Repository repo, DeniedPaths denied, Input in, ToolContext ctx)
      throws Exception {
    Map<String, Object> state = in.cursor() == null ? Map.of() : Cursor.decode(in.cursor());
    // Revisions are pinned to commit ids on the first page so later pages diff the same commits.
    String from = (String) state.getOrDefault("from", in.from());
    String to = (String) state.getOrDefault("to", in.to());
    boolean staged = Boolean.TRUE.equals(in.staged());
    var pinned = new LinkedHashMap<String, Object>();
    AbstractTreeIterator a;
    AbstractTreeIterator b;
    String compared;
    if (to != null) {
      ObjectId fromId = pin(repo, from, "from", pinned);
      ObjectId toId = pin(repo, to, "to", pinned);
      a = TreeSides.commit(repo, fromId);
      b = TreeSides.commit(repo, toId);
      compared = from + ".." + to;
    } else if (staged) {
      ObjectId fromId = pin(repo, from == null ? "HEAD" : from, "from", pinned);
      a = TreeSides.commit(repo, fromId);
      b = TreeSides.index(repo);
      compared = (from == null ? "HEAD" : from) + "..index";
    } else if (from != null) {
      a = TreeSides.commit(repo, pin(repo, from, "from", pinned));
      b = TreeSides.workingTree(repo);
      compared = from + "..working tree";
    } else {
      a = TreeSides.index(repo);
      b = TreeSides.workingTree(repo);
      compared = "index..working tree";
    }
    int context = in.contextLines() == null ? 3 : in.contextLines();
    var page = DiffPages.page(repo, denied, a, b, in.path(), context, in.cursor(), pinned, ctx);
    return new Output(compared, page.files(), page.patch(), page.totalFiles(), page.nextCursor());
  }

  private static ObjectId pin(Repository repo, String ref, String key, Map<String, Object> pinned)
      throws Exception {
    ObjectId id = GitArgs.resolve(repo, ref);
    pinned.put(key, id.getName());
    return id;
  }

  private static String patchText(Output out) {
    String more =
        out.nextCursor() == null ? "" : "… patch continues: pass cursor=" + out.nextCursor() + "\n";
    return out.patch() + more;
  }
}

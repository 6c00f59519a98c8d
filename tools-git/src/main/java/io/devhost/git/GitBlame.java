package io.devhost.git;

import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/** Who last changed each line of a file, grouped into runs of lines from the same commit. */
final class GitBlame {

  static final int MAX_LINES = 2000;

  private GitBlame() {}

  record Input(
      @Schema(description = GitArgs.REPO) String repo,
      @Schema(description = GitArgs.PATH, requiredMode = Schema.RequiredMode.REQUIRED) String path,
      @Schema(description = GitArgs.REF) String ref,
      @Schema(description = "First line, counting from 1.", minimum = "1") Integer startLine,
      @Schema(description = "Last line (inclusive).", minimum = "1") Integer endLine) {
    Input {
      path = GitArgs.path("path", path);
      if (path == null || path.isEmpty()) {
        throw new IllegalArgumentException("path is required: the file to blame.");
      }
      GitArgs.ref("ref", ref);
      if (startLine != null && startLine < 1 || endLine != null && endLine < 1) {
        throw new IllegalArgumentException("startLine and endLine count from 1.");
      }
      if (startLine != null && endLine != null && endLine < startLine) {
        throw new IllegalArgumentException("endLine " + endLine + " is before startLine.");
      }
    }
  }

  record Hunk(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int startLine,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int endLine,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sha,
      String author,
      String date,
      String subject,
      @Schema(description = "Path in that commit, when the file was renamed since.")
          String origPath,
      @Schema(description = "The lines' text.", requiredMode = Schema.RequiredMode.REQUIRED)
          List<String> lines) {}

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Hunk> hunks,
      int totalLines,
      @Schema(description = "Pass as startLine to continue; absent when done.")
          Integer nextStartLine) {}

  static ToolSpec<Input, Output> spec(GitRepositories repos) {
    return ToolSpec.builder("git_blame", Input.class, Output.class)
        .title("Git blame")
        .description(
            "Shows which commit last changed each line of a file at ref (default HEAD), following"
                + " renames, for a line range; at most "
                + MAX_LINES
                + " lines per call. Refuses files hidden by the deny rules (secrets).")
        .idempotent()
        .handler(
            (ctx, in) ->
                repos.with(
                    ctx,
                    in.repo(),
                    repo -> {
                      repos.deniedPaths(repo, ctx).requireReadable(in.path());
                      return blame(repo, in);
                    }))
        .render(GitBlame::render)
        .build();
  }

  private static Output blame(Repository repo, Input in) throws Exception {
    var result =
        Git.wrap(repo)
            .blame()
            .setFilePath(in.path())
            .setStartCommit(GitArgs.resolve(repo, in.ref()))
            .setFollowFileRenames(true)
            .call();
    if (result == null) {
      throw ToolException.notFound(
          "No file " + in.path() + " at " + (in.ref() == null ? "HEAD" : in.ref()) + ".");
    }
    int total = result.getResultContents().size();
    int first = in.startLine() == null ? 1 : in.startLine();
    if (total == 0) {
      return new Output(List.of(), 0, null);
    }
    if (first > total) {
      throw ToolException.invalid(
          "startLine " + first + " is past the end; the file has " + total + " lines.");
    }
    int last = Math.min(in.endLine() == null ? total : in.endLine(), total);
    Integer next = null;
    if (last - first + 1 > MAX_LINES) {
      last = first + MAX_LINES - 1;
      next = last + 1;
    }
    result.computeRange(first - 1, last);
    var hunks = new ArrayList<Hunk>();
    RevCommit current = null;
    int hunkStart = first;
    var lines = new ArrayList<String>();
    for (int i = first - 1; i < last; i++) {
      RevCommit c = result.getSourceCommit(i);
      if (current != null && !current.equals(c)) {
        hunks.add(hunk(current, result.getSourcePath(i - 1), in.path(), hunkStart, i, lines));
        lines = new ArrayList<>();
        hunkStart = i + 1;
      }
      current = c;
      lines.add(UntrustedText.strip(result.getResultContents().getString(i)));
    }
    hunks.add(hunk(current, result.getSourcePath(last - 1), in.path(), hunkStart, last, lines));
    return new Output(hunks, total, next);
  }

  private static Hunk hunk(
      RevCommit c, String sourcePath, String path, int start, int end, List<String> lines) {
    String origPath = sourcePath != null && !sourcePath.equals(path) ? sourcePath : null;
    if (c == null) {
      return new Hunk(start, end, "0000000000", "Not committed yet", null, null, null, lines);
    }
    var who = c.getAuthorIdent();
    return new Hunk(
        start,
        end,
        c.getName(),
        UntrustedText.strip(who.getName()),
        Instant.ofEpochSecond(who.getWhenAsInstant().getEpochSecond()).toString(),
        UntrustedText.strip(c.getShortMessage()),
        origPath,
        lines);
  }

  private static String render(Output out) {
    var sb = new StringBuilder();
    for (Hunk h : out.hunks()) {
      String tag =
          h.sha().substring(0, 8) + " " + (h.date() == null ? "" : h.date().substring(0, 10));
      int n = h.startLine();
      for (String line : h.lines()) {
        sb.append(tag).append(' ').append(n++).append(") ").append(line).append('\n');
      }
    }
    return sb.toString();
  }
}

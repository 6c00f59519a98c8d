package io.devhost.git;

import io.devhost.core.Cursor;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.AndRevFilter;
import org.eclipse.jgit.revwalk.filter.AuthorRevFilter;
import org.eclipse.jgit.revwalk.filter.CommitTimeRevFilter;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/** Commit history, filtered by path, author and date, a page at a time. */
final class GitLog {

  static final int DEFAULT_COUNT = 30;
  static final int MAX_COUNT = 500;

  private GitLog() {}

  record Input(
      @Schema(description = GitArgs.REPO) String repo,
      @Schema(description = GitArgs.REF) String ref,
      @Schema(description = "Only commits that touch this file or directory.") String path,
      @Schema(description = "Only commits whose author name or email contains this.") String author,
      @Schema(description = "Only commits on or after this date (YYYY-MM-DD or ISO-8601).")
          String since,
      @Schema(description = "Only commits before this date (YYYY-MM-DD or ISO-8601).") String until,
      @Schema(description = "Commits per page, at most " + MAX_COUNT + ".", minimum = "1")
          Integer maxCount,
      @Schema(description = "Include each commit's changed files with line counts (slower).")
          Boolean files,
      @Schema(description = "nextCursor of the previous page.") String cursor) {
    Input {
      GitArgs.ref("ref", ref);
      path = GitArgs.path("path", path);
      if (maxCount != null && maxCount < 1) {
        throw new IllegalArgumentException("maxCount must be 1 or more, got " + maxCount + ".");
      }
      parseDate("since", since);
      parseDate("until", until);
    }
  }

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<CommitInfo> commits,
      @Schema(description = "Pass as cursor for the next page; absent on the last page.")
          String nextCursor) {}

  static ToolSpec<Input, Output> spec(GitRepositories repos) {
    return ToolSpec.builder("git_log", Input.class, Output.class)
        .title("Git log")
        .description(
            "Lists commits newest first from ref (default HEAD), optionally only those touching"
                + " path, by author, or in a date range; files=true adds changed files and line"
                + " counts. Pages of maxCount (default "
                + DEFAULT_COUNT
                + ") with nextCursor.")
        .idempotent()
        .handler(
            (ctx, in) ->
                repos.with(
                    ctx, in.repo(), repo -> log(repo, repos.deniedPaths(repo, ctx), in, ctx)))
        .render(out -> render(out))
        .build();
  }

  private static Output log(Repository repo, DeniedPaths denied, Input in, ToolContext ctx)
      throws Exception {
    Map<String, Object> state = in.cursor() == null ? Map.of() : Cursor.decode(in.cursor());
    ObjectId start =
        state.containsKey("head")
            ? ObjectId.fromString((String) state.get("head"))
            : GitArgs.resolve(repo, in.ref());
    int skip = ((Number) state.getOrDefault("skip", 0)).intValue();
    int count = GitArgs.bounded(in.maxCount(), DEFAULT_COUNT, MAX_COUNT);
    boolean withFiles = Boolean.TRUE.equals(in.files());
    var commits = new ArrayList<CommitInfo>();
    boolean more = false;
    try (var walk = new RevWalk(repo);
        var fmt = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      fmt.setRepository(repo);
      fmt.setDetectRenames(true);
      walk.sort(RevSort.COMMIT_TIME_DESC);
      walk.setRewriteParents(false);
      walk.markStart(GitArgs.commit(walk, repo, start.getName()));
      walk.setRevFilter(revFilter(in));
      if (in.path() != null && !in.path().isEmpty()) {
        walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(in.path()), TreeFilter.ANY_DIFF));
      }
      int seen = 0;
      for (RevCommit c : walk) {
        ctx.throwIfCancelled();
        if (seen++ < skip) {
          continue;
        }
        if (commits.size() == count) {
          more = true;
          break;
        }
        commits.add(CommitInfo.of(c, withFiles ? files(fmt, walk, c, denied) : null));
        ctx.progress(commits.size(), (double) count, null);
      }
    }
    String next = null;
    if (more) {
      var s = new LinkedHashMap<String, Object>();
      s.put("head", start.getName());
      s.put("skip", skip + count);
      next = Cursor.encode(s);
    }
    return new Output(commits, next);
  }

  private static RevFilter revFilter(Input in) {
    var filters = new ArrayList<RevFilter>();
    if (in.author() != null && !in.author().isBlank()) {
      filters.add(AuthorRevFilter.create(in.author()));
    }
    if (in.since() != null) {
      filters.add(CommitTimeRevFilter.after(parseDate("since", in.since())));
    }
    if (in.until() != null) {
      filters.add(CommitTimeRevFilter.before(parseDate("until", in.until())));
    }
    return switch (filters.size()) {
      case 0 -> RevFilter.ALL;
      case 1 -> filters.get(0);
      default -> AndRevFilter.create(filters);
    };
  }

  /**
   * The files a commit changed, with line counts; a file hidden by the deny rules is listed without
   * counts, as {@code git_show} lists it, since they are read from its content.
   */
  static List<FileChange> files(DiffFormatter fmt, RevWalk walk, RevCommit c, DeniedPaths denied)
      throws Exception {
    RevCommit parent = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0));
    var out = new ArrayList<FileChange>();
    for (DiffEntry e : fmt.scan(parent == null ? null : parent.getTree(), c.getTree())) {
      var rule = DiffPages.ruleFor(denied, e);
      if (rule.isPresent()) {
        out.add(FileChange.withheld(e, DeniedPaths.withheldNote(rule.get())));
        continue;
      }
      var header = fmt.toFileHeader(e);
      int added = 0;
      int deleted = 0;
      for (var edit : header.toEditList()) {
        added += edit.getLengthB();
        deleted += edit.getLengthA();
      }
      boolean binary = header.getPatchType() != org.eclipse.jgit.patch.FileHeader.PatchType.UNIFIED;
      out.add(FileChange.of(e, added, deleted, binary));
    }
    return out;
  }

  static Instant parseDate(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " '" + value + "' is not a date; use YYYY-MM-DD or 2024-05-01T12:00:00Z.");
    }
  }

  private static String render(Output out) {
    var sb = new StringBuilder();
    for (CommitInfo c : out.commits()) {
      sb.append(c.oneLine()).append('\n');
      if (c.files() != null) {
        for (FileChange f : c.files()) {
          sb.append("    ").append(f.change()).append(' ').append(f.path());
          if (f.additions() != null) {
            sb.append(" +").append(f.additions()).append(" -").append(f.deletions());
          } else if (f.withheld() != null) {
            sb.append(" (").append(f.withheld()).append(')');
          }
          sb.append('\n');
        }
      }
    }
    if (out.nextCursor() != null) {
      sb.append("… more commits: pass cursor=").append(out.nextCursor()).append('\n');
    }
    return sb.toString();
  }
}

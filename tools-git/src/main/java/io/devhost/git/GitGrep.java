package io.devhost.git;

import io.devhost.core.Cursor;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/** Searches the files of a revision for a pattern, like {@code git grep}, without a checkout. */
final class GitGrep {

  static final int DEFAULT_MATCHES = 100;
  static final int MAX_MATCHES = 1000;
  static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
  static final int MAX_LINE_CHARS = 300;
  private static final long TIME_LIMIT_SECONDS = 20;

  private GitGrep() {}

  record Input(
      @Schema(
              description = "Java regular expression (or literal text with fixedStrings).",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String pattern,
      @Schema(description = GitArgs.REPO) String repo,
      @Schema(description = GitArgs.REF) String ref,
      @Schema(description = "Only files under this path.") String path,
      @Schema(description = "Match case-insensitively.") Boolean ignoreCase,
      @Schema(description = "Treat pattern as literal text.") Boolean fixedStrings,
      @Schema(description = "Matches per page, at most " + MAX_MATCHES + ".", minimum = "1")
          Integer maxCount,
      @Schema(description = "nextCursor of the previous page.") String cursor) {
    Input {
      if (pattern == null || pattern.isEmpty()) {
        throw new IllegalArgumentException("pattern is required.");
      }
      if (pattern.length() > 1000) {
        throw new IllegalArgumentException("pattern is over 1000 characters.");
      }
      GitArgs.ref("ref", ref);
      path = GitArgs.path("path", path);
      if (maxCount != null && maxCount < 1) {
        throw new IllegalArgumentException("maxCount must be 1 or more.");
      }
      compile(pattern, ignoreCase, fixedStrings);
    }

    Pattern compiled() {
      return compile(pattern, ignoreCase, fixedStrings);
    }

    private static Pattern compile(String pattern, Boolean ignoreCase, Boolean fixedStrings) {
      int flags =
          Boolean.TRUE.equals(ignoreCase) ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
      if (Boolean.TRUE.equals(fixedStrings)) {
        flags |= Pattern.LITERAL;
      }
      try {
        return Pattern.compile(pattern, flags);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "pattern is not a valid regular expression: "
                + e.getDescription()
                + " near index "
                + e.getIndex()
                + ". Pass fixedStrings=true to search for it literally.");
      }
    }
  }

  record Match(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String path,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int line,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String text) {}

  record Output(
      @Schema(description = "The commit searched.", requiredMode = Schema.RequiredMode.REQUIRED)
          String commit,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Match> matches,
      @Schema(description = "Files skipped as binary or over 4 MiB.") int skippedFiles,
      @Schema(
              description =
                  "Files not searched because their path matches a deny rule (secrets); whether"
                      + " they would match is not told.")
          int deniedFiles,
      @Schema(description = "Pass as cursor for more matches; absent when done.")
          String nextCursor) {}

  static ToolSpec<Input, Output> spec(GitRepositories repos) {
    return ToolSpec.builder("git_grep", Input.class, Output.class)
        .title("Git grep")
        .description(
            "Searches the files of a revision (default HEAD, no checkout needed) line by line for"
                + " a regular expression; returns path, line number and text. Binary files and"
                + " files hidden by the deny rules (secrets) are skipped. Pages of maxCount (default "
                + DEFAULT_MATCHES
                + ") with nextCursor.")
        .idempotent()
        .handler(
            (ctx, in) ->
                repos.with(
                    ctx, in.repo(), repo -> grep(repo, repos.deniedPaths(repo, ctx), in, ctx)))
        .render(GitGrep::render)
        .build();
  }

  private static Output grep(Repository repo, DeniedPaths denied, Input in, ToolContext ctx)
      throws Exception {
    Map<String, Object> state = in.cursor() == null ? Map.of() : Cursor.decode(in.cursor());
    String resumePath = (String) state.get("path");
    int resumeLine = ((Number) state.getOrDefault("line", 0)).intValue();
    ObjectId commitId =
        state.containsKey("commit")
            ? ObjectId.fromString((String) state.get("commit"))
            : GitArgs.resolve(repo, in.ref());
    int limit = GitArgs.bounded(in.maxCount(), DEFAULT_MATCHES, MAX_MATCHES);
    Pattern pattern = in.compiled();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIME_LIMIT_SECONDS);
    var matches = new ArrayList<Match>();
    int skipped = 0;
    int deniedFiles = 0;
    try (var walk = new RevWalk(repo);
        var tw = new TreeWalk(repo)) {
      var commit = GitArgs.commit(walk, repo, commitId.getName());
      tw.addTree(commit.getTree());
      tw.setRecursive(true);
      if (in.path() != null && !in.path().isEmpty()) {
        tw.setFilter(PathFilter.create(in.path()));
      }
      boolean resuming = resumePath != null;
      while (tw.next()) {
        String path = tw.getPathString();
        if (resuming && !path.equals(resumePath)) {
          continue;
        }
        int skipLines = resuming ? resumeLine : 0;
        resuming = false;
        FileMode mode = tw.getFileMode(0);
        if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
          continue;
        }
        if (denied.ruleFor(path).isPresent()) {
          deniedFiles++;
          continue;
        }
        ctx.throwIfCancelled();
        var loader = tw.getObjectReader().open(tw.getObjectId(0));
        if (loader.getSize() > MAX_FILE_BYTES) {
          skipped++;
          continue;
        }
        byte[] bytes = loader.getCachedBytes(MAX_FILE_BYTES);
        if (RawText.isBinary(bytes)) {
          skipped++;
          continue;
        }
        var text = new DeadlineCharSequence(new String(bytes, StandardCharsets.UTF_8), deadline);
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
          continue;
        }
        int stoppedAt = searchLines(text, m, path, skipLines, limit, matches);
        if (stoppedAt >= 0) {
          return new Output(
              commit.getName(),
              matches,
              skipped,
              deniedFiles,
              next(commit.getName(), path, stoppedAt));
        }
      }
      return new Output(commit.getName(), matches, skipped, deniedFiles, null);
    }
  }

  /**
   * Adds one match per matching line after {@code skipLines}. When the page is full and another
   * line matches, returns the number of lines done (where the next page resumes); else -1.
   */
  private static int searchLines(
      DeadlineCharSequence text,
      Matcher m,
      String path,
      int skipLines,
      int limit,
      List<Match> out) {
    m.useAnchoringBounds(true).useTransparentBounds(false);
    String s = text.toString();
    int lineNo = 0;
    for (int start = 0; start <= s.length(); ) {
      int nl = s.indexOf('\n', start);
      int end = nl < 0 ? s.length() : nl;
      lineNo++;
      if (lineNo > skipLines) {
        int lineEnd = end > start && s.charAt(end - 1) == '\r' ? end - 1 : end;
        m.region(start, lineEnd);
        if (m.find()) {
          if (out.size() == limit) {
            return lineNo - 1;
          }
          out.add(new Match(path, lineNo, clip(s.substring(start, lineEnd))));
        }
      }
      if (nl < 0) {
        break;
      }
      start = nl + 1;
    }
    return -1;
  }

  private static String clip(String line) {
    String clean = UntrustedText.strip(line);
    return clean.length() <= MAX_LINE_CHARS ? clean : clean.substring(0, MAX_LINE_CHARS) + " …";
  }

  private static String next(String commit, String path, int line) {
    var s = new LinkedHashMap<String, Object>();
    s.put("commit", commit);
    s.put("path", path);
    s.put("line", line);
    return Cursor.encode(s);
  }

  private static String render(Output out) {
    var sb = new StringBuilder();
    out.matches()
        .forEach(
            m ->
                sb.append(m.path())
                    .append(':')
                    .append(m.line())
                    .append(':')
                    .append(m.text())
                    .append('\n'));
    if (out.matches().isEmpty()) {
      sb.append("No matches.\n");
    }
    if (out.deniedFiles() > 0) {
      sb.append(out.deniedFiles())
          .append(" file(s) not searched: their paths match deny rules (secrets).\n");
    }
    if (out.nextCursor() != null) {
      sb.append("… more matches: pass cursor=").append(out.nextCursor()).append('\n');
    }
    return sb.toString();
  }
}

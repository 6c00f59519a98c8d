package io.devhost.fs;

import io.devhost.core.Cursor;
import io.devhost.core.Globs;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** grep over a tree: literal or regex, with globs, context, a match cap and continuation. */
final class SearchContent {

  static final int DEFAULT_MAX_MATCHES = 100;
  static final int MAX_MAX_MATCHES = 2_000;

  private SearchContent() {}

  record Input(
      @Schema(
              description = "Text or regular expression (Java syntax) to find.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String pattern,
      @Schema(description = "Directory to search.", defaultValue = ".") String path,
      @Schema(description = "Treat pattern as a regular expression.", defaultValue = "false")
          Boolean regex,
      @Schema(description = "Match case exactly.", defaultValue = "true") Boolean caseSensitive,
      @Schema(
              description =
                  "Only files whose name (or path, with '/') matches one of these globs, e.g. *.java.")
          List<String> include,
      @Schema(description = "Globs of files or directories to skip, e.g. *.min.js or build.")
          List<String> exclude,
      @Schema(
              description = "Lines of context before and after each match.",
              defaultValue = "0",
              minimum = "0",
              maximum = "10")
          Integer contextLines,
      @Schema(
              description = "Most matching lines per page.",
              defaultValue = "" + DEFAULT_MAX_MATCHES,
              minimum = "1",
              maximum = "" + MAX_MAX_MATCHES)
          Integer maxMatches,
      @Schema(description = "Skip what .gitignore files ignore.", defaultValue = "true")
          Boolean respectGitignore,
      @Schema(description = "Search names starting with a dot.", defaultValue = "false")
          Boolean includeHidden,
      @Schema(description = "nextCursor of the previous page, to continue.") String cursor) {
    Input {
      if (pattern == null || pattern.isEmpty()) {
        throw new IllegalArgumentException("pattern is required.");
      }
      if (contextLines != null && (contextLines < 0 || contextLines > 10)) {
        throw new IllegalArgumentException("contextLines must be between 0 and 10.");
      }
      if (maxMatches != null && (maxMatches < 1 || maxMatches > MAX_MAX_MATCHES)) {
        throw new IllegalArgumentException(
            "maxMatches must be between 1 and " + MAX_MAX_MATCHES + ".");
      }
    }
  }

  record Match(
      @Schema(description = "Real path of the file.", requiredMode = Schema.RequiredMode.REQUIRED)
          String path,
      @Schema(description = "Line number, from 1.", requiredMode = Schema.RequiredMode.REQUIRED)
          int line,
      @Schema(
              description =
                  "The matching line (cut past " + LineMatcher.MAX_LINE_CHARS + " characters).",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String text,
      @Schema(description = "Lines before the match.") List<String> before,
      @Schema(description = "Lines after the match.") List<String> after) {}

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Match> matches,
      @Schema(
              description = "Files searched in this page.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          long filesSearched,
      @Schema(
              description = "True when maxMatches stopped the search; pass nextCursor to continue.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          boolean truncated,
      @Schema(description = "Cursor for the next page.") String nextCursor) {}

  static ToolSpec<Input, Output> spec(Sandbox sandbox) {
    return ToolSpec.builder("search_content", Input.class, Output.class)
        .title("Search file contents")
        .description(
            "Searches the text of files under a directory, like grep or ripgrep: a literal or a"
                + " regular expression, case-sensitive or not, include/exclude globs, context lines."
                + " Skips binary files, .git, hidden files unless asked and, by default, what"
                + " .gitignore ignores. Returns at most maxMatches lines per page with nextCursor."
                + " Reports progress and stops when cancelled.")
        .idempotent()
        .handler((ctx, in) -> search(sandbox, ctx, in))
        .render(SearchContent::render)
        .build();
  }

  private static Pattern compile(Input in) {
    boolean regex = Boolean.TRUE.equals(in.regex());
    boolean caseSensitive = !Boolean.FALSE.equals(in.caseSensitive());
    if (!regex && caseSensitive) {
      return null; // String.indexOf is faster than any regex for a plain literal
    }
    int flags = regex ? Pattern.MULTILINE : Pattern.LITERAL;
    if (!caseSensitive) {
      flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    }
    try {
      return Pattern.compile(in.pattern(), flags);
    } catch (PatternSyntaxException e) {
      throw ToolException.invalid(
          "pattern is not a valid regular expression: "
              + e.getDescription()
              + " near index "
              + e.getIndex()
              + ". Pass regex=false to search for it literally.");
    }
  }

  private static Output search(Sandbox sandbox, ToolContext ctx, Input in) {
    var t = sandbox.existing(in.path() == null ? "." : in.path(), ctx, Sandbox.Access.READ);
    var lineMatcher =
        new LineMatcher(
            in.pattern(), compile(in), in.contextLines() == null ? 0 : in.contextLines());
    Pattern includeNames = includes(in.include(), true);
    Pattern includePaths = includes(in.include(), false);
    int max = in.maxMatches() != null ? in.maxMatches() : DEFAULT_MAX_MATCHES;
    Map<String, Object> state = in.cursor() == null ? Map.of() : Cursor.decode(in.cursor());
    String after = (String) state.getOrDefault("after", "");
    int firstSkip = ((Number) state.getOrDefault("skip", 0)).intValue();
    var pipeline = new ParallelScan(lineMatcher, max);
    String base = t.real().toString() + "/";
    long[] files = {0};
    String[] previous = {after};
    var walker =
        new FileWalker(sandbox)
            .gitignore(!Boolean.FALSE.equals(in.respectGitignore()))
            .hidden(Boolean.TRUE.equals(in.includeHidden()))
            .exclude(in.exclude() == null ? List.of() : in.exclude())
            .resumeAfter(after);
    try (pipeline) {
      ListDirectory.openDirectory(sandbox, t).close();
      walker.walk(
          t,
          ctx,
          e -> {
            var a = e.attrs();
            if (a.isRegularFile()
                && included(includeNames, includePaths, e)
                && a.size() <= sandbox.maxReadBytes()) {
              ctx.throwIfCancelled();
              files[0]++;
              if (files[0] % 256 == 0) {
                ctx.progress(files[0], null, "searched " + files[0] + " files");
              }
              int skip = files[0] == 1 ? firstSkip : 0;
              if (pipeline.submit(e, base + e.relative(), previous[0], skip)) {
                return FileWalker.Step.STOP;
              }
            }
            previous[0] = e.relative();
            return FileWalker.Step.CONTINUE;
          });
      pipeline.finish();
    } catch (IOException e) {
      throw Sandbox.ioFailure(t.userPath(), e);
    }
    ctx.progress(files[0], (double) files[0], "searched " + files[0] + " files");
    return new Output(pipeline.matches(), files[0], pipeline.cursor() != null, pipeline.cursor());
  }

  private static Pattern includes(List<String> globs, boolean names) {
    if (globs == null || globs.isEmpty()) {
      return null;
    }
    var list = globs.stream().filter(g -> Globs.isNameGlob(g) == names).toList();
    return list.isEmpty() ? Pattern.compile("(?!)") : Globs.compileAny(list);
  }

  private static boolean included(Pattern names, Pattern paths, FileWalker.Entry e) {
    if (names == null) {
      return true;
    }
    return names.matcher(e.name().toString()).matches() || paths.matcher(e.relative()).matches();
  }

  private static String render(Output out) {
    var sb = new StringBuilder();
    for (Match m : out.matches()) {
      sb.append(m.path())
          .append(':')
          .append(m.line())
          .append(": ")
          .append(UntrustedText.strip(m.text()))
          .append('\n');
    }
    sb.append(out.matches().size())
        .append(" matches in ")
        .append(out.filesSearched())
        .append(" files searched");
    if (out.truncated()) {
      sb.append("; more: pass nextCursor");
    }
    return sb.toString();
  }
}

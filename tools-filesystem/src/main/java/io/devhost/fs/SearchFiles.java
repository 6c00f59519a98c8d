package io.devhost.fs;

import io.devhost.core.Cursor;
import io.devhost.core.Globs;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Finds files and directories by glob over names or paths, in pages. */
final class SearchFiles {

  static final int DEFAULT_MAX_RESULTS = 200;
  static final int MAX_MAX_RESULTS = 5_000;

  private SearchFiles() {}

  record Input(
      @Schema(
              description =
                  "Glob. Without '/' it matches names at any depth (*.java, *Test*); with '/' it"
                      + " matches the path from the start directory (src/**/*.ts).",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String pattern,
      @Schema(description = "Directory to search.", defaultValue = ".") String path,
      @Schema(description = "Globs to leave out (names or paths), e.g. node_modules.")
          List<String> exclude,
      @Schema(description = "Leave out what .gitignore files ignore.", defaultValue = "true")
          Boolean respectGitignore,
      @Schema(description = "Include names starting with a dot.", defaultValue = "false")
          Boolean includeHidden,
      @Schema(
              description = "Most results per page.",
              defaultValue = "" + DEFAULT_MAX_RESULTS,
              minimum = "1",
              maximum = "" + MAX_MAX_RESULTS)
          Integer maxResults,
      @Schema(description = "nextCursor of the previous page, to continue.") String cursor) {
    Input {
      if (pattern == null || pattern.isBlank()) {
        throw new IllegalArgumentException("pattern is required, e.g. *.java or src/**/*.ts.");
      }
      if (maxResults != null && (maxResults < 1 || maxResults > MAX_MAX_RESULTS)) {
        throw new IllegalArgumentException(
            "maxResults must be between 1 and " + MAX_MAX_RESULTS + ".");
      }
    }
  }

  record Output(
      @Schema(
              description = "Real paths of the matches, in walk order.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          List<String> matches,
      @Schema(
              description = "True when there may be more; pass nextCursor to continue.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          boolean truncated,
      @Schema(description = "Cursor for the next page.") String nextCursor) {}

  static ToolSpec<Input, Output> spec(Sandbox sandbox) {
    return ToolSpec.builder("search_files", Input.class, Output.class)
        .title("Find files by name")
        .description(
            "Finds files and directories whose name (or path, if the glob has a '/') matches a"
                + " glob, under a directory. Skips .git, hidden files unless asked, excluded globs"
                + " and, by default, what .gitignore ignores. Pages with nextCursor.")
        .idempotent()
        .handler((ctx, in) -> search(sandbox, ctx, in))
        .render(
            out ->
                String.join("\n", out.matches())
                    + (out.truncated() ? "\n… more: pass nextCursor" : ""))
        .build();
  }

  private static Output search(Sandbox sandbox, ToolContext ctx, Input in) {
    var t = sandbox.existing(in.path() == null ? "." : in.path(), ctx, Sandbox.Access.READ);
    String glob = in.pattern().strip();
    boolean byPath = !Globs.isNameGlob(glob);
    Pattern matcher;
    try {
      matcher = Pattern.compile(Globs.toRegex(glob));
    } catch (IllegalArgumentException e) {
      throw io.devhost.core.ToolException.invalid("pattern is not a valid glob: " + e.getMessage());
    }
    int max = in.maxResults() != null ? in.maxResults() : DEFAULT_MAX_RESULTS;
    String after =
        in.cursor() == null ? "" : (String) Cursor.decode(in.cursor()).getOrDefault("after", "");
    var matches = new ArrayList<String>();
    String[] last = {null};
    boolean[] more = {false};
    String base = t.real().toString() + "/";
    var walker =
        new FileWalker(sandbox)
            .gitignore(!Boolean.FALSE.equals(in.respectGitignore()))
            .hidden(Boolean.TRUE.equals(in.includeHidden()))
            .exclude(in.exclude() == null ? List.of() : in.exclude())
            .resumeAfter(after);
    try {
      ListDirectory.openDirectory(sandbox, t).close();
      walker.walk(
          t,
          ctx,
          e -> {
            String subject = byPath ? e.relative() : e.name().toString();
            if (matcher.matcher(subject).matches()) {
              if (matches.size() == max) {
                more[0] = true;
                return FileWalker.Step.STOP;
              }
              matches.add(base + e.relative());
              last[0] = e.relative();
            }
            return FileWalker.Step.CONTINUE;
          });
    } catch (IOException e) {
      throw Sandbox.ioFailure(t.userPath(), e);
    }
    String next = more[0] ? Cursor.encode(Map.of("after", last[0])) : null;
    return new Output(matches, more[0], next);
  }
}

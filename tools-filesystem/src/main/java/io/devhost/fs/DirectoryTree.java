package io.devhost.fs;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A recursive listing, depth-limited, .gitignore-aware and capped. */
final class DirectoryTree {

  static final int DEFAULT_MAX_ENTRIES = 2_000;
  static final int MAX_MAX_ENTRIES = 20_000;

  private DirectoryTree() {}

  record Input(
      @Schema(description = "Directory to start from.", defaultValue = ".") String path,
      @Schema(
              description = "Levels to descend; 1 lists only the directory itself.",
              defaultValue = "5",
              minimum = "1",
              maximum = "50")
          Integer maxDepth,
      @Schema(
              description =
                  "Globs to leave out: names (e.g. node_modules, *.log) or paths from the start (e.g. src/gen/**).")
          List<String> exclude,
      @Schema(description = "Leave out what .gitignore files ignore.", defaultValue = "true")
          Boolean respectGitignore,
      @Schema(description = "Include names starting with a dot.", defaultValue = "false")
          Boolean includeHidden,
      @Schema(
              description = "Most entries to return.",
              defaultValue = "" + DEFAULT_MAX_ENTRIES,
              minimum = "1",
              maximum = "" + MAX_MAX_ENTRIES)
          Integer maxEntries) {
    Input {
      if (maxDepth != null && (maxDepth < 1 || maxDepth > 50)) {
        throw new IllegalArgumentException(
            "maxDepth must be between 1 and 50, got " + maxDepth + ".");
      }
      if (maxEntries != null && (maxEntries < 1 || maxEntries > MAX_MAX_ENTRIES)) {
        throw new IllegalArgumentException(
            "maxEntries must be between 1 and " + MAX_MAX_ENTRIES + ".");
      }
    }
  }

  record Node(
      @Schema(
              description = "Path from the start directory.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String path,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) ListDirectory.Kind type,
      @Schema(description = "Size in bytes, for regular files.") Long size) {}

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String path,
      @Schema(
              description = "Entries depth-first, sorted by name within each directory.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          List<Node> entries,
      @Schema(
              description = "True when maxEntries stopped the listing.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          boolean truncated) {}

  static ToolSpec<Input, Output> spec(Sandbox sandbox) {
    return ToolSpec.builder("directory_tree", Input.class, Output.class)
        .title("Directory tree")
        .description(
            "Lists a directory recursively: every entry with its path, type and size, depth-first."
                + " Skips .git, hidden files (unless asked), excluded globs and, by default, what"
                + " .gitignore ignores. Stops at maxDepth and maxEntries.")
        .idempotent()
        .handler((ctx, in) -> tree(sandbox, ctx, in))
        .render(DirectoryTree::render)
        .build();
  }

  private static Output tree(Sandbox sandbox, ToolContext ctx, Input in) {
    var t = sandbox.existing(in.path() == null ? "." : in.path(), ctx, Sandbox.Access.READ);
    int max = in.maxEntries() != null ? in.maxEntries() : DEFAULT_MAX_ENTRIES;
    var nodes = new ArrayList<Node>();
    boolean[] truncated = {false};
    var walker =
        new FileWalker(sandbox)
            .gitignore(!Boolean.FALSE.equals(in.respectGitignore()))
            .hidden(Boolean.TRUE.equals(in.includeHidden()))
            .maxDepth(in.maxDepth() != null ? in.maxDepth() : 5)
            .exclude(in.exclude() == null ? List.of() : in.exclude());
    try {
      ListDirectory.openDirectory(sandbox, t).close();
      walker.walk(
          t,
          ctx,
          e -> {
            if (nodes.size() == max) {
              truncated[0] = true;
              return FileWalker.Step.STOP;
            }
            var a = e.attrs();
            var kind =
                a.isDirectory()
                    ? ListDirectory.Kind.directory
                    : a.isSymbolicLink()
                        ? ListDirectory.Kind.symlink
                        : a.isRegularFile() ? ListDirectory.Kind.file : ListDirectory.Kind.other;
            nodes.add(new Node(e.relative(), kind, a.isRegularFile() ? a.size() : null));
            return FileWalker.Step.CONTINUE;
          });
    } catch (IOException e) {
      throw Sandbox.ioFailure(t.userPath(), e);
    }
    return new Output(t.real().toString(), nodes, truncated[0]);
  }

  private static String render(Output out) {
    var sb = new StringBuilder(out.path()).append('\n');
    for (Node n : out.entries()) {
      int depth = (int) n.path().chars().filter(c -> c == '/').count();
      sb.append("  ".repeat(depth));
      String name = n.path().substring(n.path().lastIndexOf('/') + 1);
      sb.append(name).append(n.type() == ListDirectory.Kind.directory ? "/" : "").append('\n');
    }
    if (out.truncated()) {
      sb.append("… stopped at ").append(out.entries().size()).append(" entries\n");
    }
    return sb.toString();
  }
}

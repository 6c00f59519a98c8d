package io.devhost.fs;

import io.devhost.core.Globs;
import io.devhost.core.ToolContext;
import io.devhost.fs.Sandbox.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Walks a tree under the sandbox depth-first, entries sorted by name, through {@link VerifiedDir}
 * handles (no link is ever followed). Skips what the deny rules hide, {@code .git}, hidden entries
 * unless asked, excluded globs and, by default, what {@code .gitignore} files ignore.
 *
 * <p>Sorted order makes results stable, so a search can resume after the last path it returned: the
 * walk skips whole subtrees that sort before it.
 */
final class FileWalker {

  enum Step {
    CONTINUE,
    SKIP_SUBTREE,
    STOP
  }

  /**
   * One entry met on the walk.
   *
   * @param dir the open handle of the directory holding the entry, valid during the visit
   * @param relative the entry's path from the start of the walk, with '/'
   */
  record Entry(VerifiedDir dir, Path name, String relative, BasicFileAttributes attrs, int depth) {}

  @FunctionalInterface
  interface Visitor {
    Step visit(Entry entry) throws IOException;
  }

  private final Sandbox sandbox;
  private boolean gitignore = true;
  private boolean hidden;
  private int maxDepth = Integer.MAX_VALUE;
  private Pattern excludeNames;
  private Pattern excludePaths;
  private List<String> resumeAfter = List.of();

  FileWalker(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  FileWalker gitignore(boolean respect) {
    this.gitignore = respect;
    return this;
  }

  FileWalker hidden(boolean include) {
    this.hidden = include;
    return this;
  }

  /** Depth 1 is the start directory's own entries. */
  FileWalker maxDepth(int depth) {
    this.maxDepth = depth;
    return this;
  }

  /** Globs of names (no '/') or of paths from the start (with '/') to leave out with subtrees. */
  FileWalker exclude(List<String> globs) {
    var names = new ArrayList<String>();
    var paths = new ArrayList<String>();
    for (String g : globs) {
      String glob = g.endsWith("/") ? g.substring(0, g.length() - 1) : g;
      (Globs.isNameGlob(glob) ? names : paths).add(glob);
    }
    this.excludeNames = Globs.compileAny(names);
    this.excludePaths = Globs.compileAny(paths);
    return this;
  }

  /** Visits only entries that come after this path (relative to the start) in walk order. */
  FileWalker resumeAfter(String relative) {
    this.resumeAfter =
        relative == null || relative.isEmpty() ? List.of() : List.of(relative.split("/"));
    return this;
  }

  /** Walks from a directory target; the start itself is not visited. */
  void walk(Target start, ToolContext ctx, Visitor visitor) throws IOException {
    var ignores = new GitIgnores();
    String rootBase = start.isRoot() ? "" : start.relative().toString() + "/";
    try (VerifiedDir dir = sandbox.openDir(start)) {
      if (gitignore) {
        loadAncestorIgnores(start, ignores);
        ignores.enter(dir, rootBase);
      }
      walkDir(dir, rootBase, "", 1, 0, ignores, ctx, visitor);
    }
  }

  private void loadAncestorIgnores(Target start, GitIgnores ignores) throws IOException {
    Path rel = start.relative();
    if (start.isRoot()) {
      return;
    }
    try (VerifiedDir root = sandbox.openRoot(start.root())) {
      ignores.enter(root, "");
      VerifiedDir dir = root;
      var base = new StringBuilder();
      for (int i = 0; i < rel.getNameCount() - 1; i++) {
        VerifiedDir next = dir.child(rel.getName(i));
        if (dir != root) {
          dir.close();
        }
        dir = next;
        base.append(rel.getName(i)).append('/');
        ignores.enter(dir, base.toString());
      }
      if (dir != root) {
        dir.close();
      }
    }
  }

  /** Returns false when the visitor asked to stop. */
  private boolean walkDir(
      VerifiedDir dir,
      String rootBase,
      String base,
      int depth,
      int resumeLevel,
      GitIgnores ignores,
      ToolContext ctx,
      Visitor visitor)
      throws IOException {
    ctx.throwIfCancelled();
    var names = new ArrayList<Path>();
    for (Path p : dir) {
      names.add(p.getFileName());
    }
    names.sort(Comparator.comparing(Path::toString));
    boolean resuming = resumeLevel < resumeAfter.size();
    String resumeName = resuming ? resumeAfter.get(resumeLevel) : null;
    for (Path name : names) {
      String n = name.toString();
      int cmp = resuming ? n.compareTo(resumeName) : 1;
      if (cmp < 0) {
        continue; // sorts before the resume point: returned by an earlier page
      }
      // The entry on the resume path was visited by an earlier page; only its subtree may remain.
      boolean onResumePath = resuming && cmp == 0;
      int childResume =
          onResumePath && resumeLevel < resumeAfter.size() - 1
              ? resumeLevel + 1
              : resumeAfter.size();
      String relative = base + n;
      if (skipName(n) || sandbox.denyRules().hidesEntry(n, rootBase + relative)) {
        continue;
      }
      BasicFileAttributes attrs = dir.attributes(name);
      if (attrs == null) {
        continue; // vanished since listed
      }
      boolean isDir = attrs.isDirectory();
      if (excluded(n, relative) || (gitignore && ignores.isIgnored(rootBase + relative, isDir))) {
        continue;
      }
      Step step =
          onResumePath
              ? Step.CONTINUE
              : visitor.visit(new Entry(dir, name, relative, attrs, depth));
      if (step == Step.STOP) {
        return false;
      }
      if (isDir && step == Step.CONTINUE && depth < maxDepth) {
        if (!descend(dir, name, rootBase, relative, depth, childResume, ignores, ctx, visitor)) {
          return false;
        }
      }
      if (onResumePath) {
        resuming = false;
      }
    }
    return true;
  }

  private boolean descend(
      VerifiedDir dir,
      Path name,
      String rootBase,
      String relative,
      int depth,
      int resumeLevel,
      GitIgnores ignores,
      ToolContext ctx,
      Visitor visitor)
      throws IOException {
    VerifiedDir child;
    try {
      child = dir.child(name);
    } catch (IOException | io.devhost.core.ToolException e) {
      return true; // unreadable or swapped: not followed, the rest of the walk goes on
    }
    try (child) {
      boolean pushed = gitignore && ignores.enter(child, rootBase + relative + "/");
      try {
        return walkDir(
            child, rootBase, relative + "/", depth + 1, resumeLevel, ignores, ctx, visitor);
      } finally {
        if (pushed) {
          ignores.leave();
        }
      }
    }
  }

  private boolean skipName(String n) {
    return n.equals(".git") || (!hidden && n.startsWith("."));
  }

  private boolean excluded(String name, String relative) {
    return (excludeNames != null && excludeNames.matcher(name).matches())
        || (excludePaths != null && excludePaths.matcher(relative).matches());
  }
}

package io.devhost.fs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The {@code .gitignore} rules in force while walking down a tree: one JGit {@link IgnoreNode} per
 * directory that has a {@code .gitignore}, the deepest consulted first, as git does.
 */
final class GitIgnores {

  private static final Path GITIGNORE = Path.of(".gitignore");
  private static final int MAX_GITIGNORE_BYTES = 1024 * 1024;

  /** The rules of one directory; {@code base} is that directory's path from the root, with '/'. */
  private record Level(String base, IgnoreNode node) {}

  private final Deque<Level> levels = new ArrayDeque<>();

  /**
   * Reads the {@code .gitignore} of a directory being entered, if it has one.
   *
   * @param base the directory's path relative to the root, empty or ending in '/'
   * @return whether rules were pushed (then {@link #leave} must be called when leaving)
   */
  boolean enter(VerifiedDir dir, String base) {
    var attrs = dir.attributes(GITIGNORE);
    if (attrs == null || !attrs.isRegularFile() || attrs.size() > MAX_GITIGNORE_BYTES) {
      return false;
    }
    try {
      byte[] text = dir.readAll(GITIGNORE, ".gitignore", MAX_GITIGNORE_BYTES);
      var node = new IgnoreNode();
      node.parse(new ByteArrayInputStream(text));
      if (node.getRules().isEmpty()) {
        return false;
      }
      levels.push(new Level(base, node));
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // an unreadable .gitignore ignores nothing, as in git
    }
  }

  void leave() {
    levels.pop();
  }

  /** Whether an entry is ignored; {@code relative} is its path from the root, with '/'. */
  boolean isIgnored(String relative, boolean directory) {
    boolean negateFirst = false;
    for (Level level : levels) {
      String sub = relative.substring(level.base().length());
      var result = level.node().isIgnored(sub, directory);
      switch (result) {
        case IGNORED:
          return !negateFirst;
        case NOT_IGNORED:
          return negateFirst;
        case CHECK_PARENT_NEGATE_FIRST_MATCH:
          negateFirst = !negateFirst;
          break;
        default:
          break;
      }
    }
    return false;
  }
}

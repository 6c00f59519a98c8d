package io.devhost.git;

import io.devhost.core.ToolException;
import java.io.IOException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The shared argument vocabulary of the git tools and its validation. Values that look like
 * command-line options are refused outright: DevHost never passes them to a command line, but a
 * model that sends {@code --output=/tmp/x} as a ref has misunderstood the tool and should hear so.
 */
final class GitArgs {

  static final String REPO =
      "Repository path under the allowed roots; default: the working directory's repository.";
  static final String REF = "Any revision: branch, tag, commit id, HEAD~2, … Default: HEAD.";
  static final String PATH = "Path inside the repository, relative to its top, '/'-separated.";

  private static final int MAX_REF_LENGTH = 256;

  private GitArgs() {}

  /** Checks a revision argument; null passes (the tool's default applies). */
  static String ref(String name, String value) {
    if (value == null) {
      return null;
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is empty; omit it for the default.");
    }
    if (value.startsWith("-")) {
      throw new IllegalArgumentException(
          name + " '" + value + "' looks like a command-line option; pass a revision name.");
    }
    if (value.length() > MAX_REF_LENGTH) {
      throw new IllegalArgumentException(name + " is over " + MAX_REF_LENGTH + " characters.");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i)) || Character.isWhitespace(value.charAt(i))) {
        throw new IllegalArgumentException(
            name + " '" + value.strip() + "' contains whitespace or control characters.");
      }
    }
    return value;
  }

  /**
   * Checks and normalises a repository path: relative, '/'-separated, no '..'; "" for the top. Null
   * passes.
   */
  static String path(String name, String value) {
    if (value == null) {
      return null;
    }
    String p = value.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    if (p.equals(".")) {
      p = "";
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.startsWith("/")) {
      throw new IllegalArgumentException(
          name + " '" + value + "' is absolute; pass it relative to the repository's top.");
    }
    if (p.startsWith("-")) {
      throw new IllegalArgumentException(
          name + " '" + value + "' looks like a command-line option; pass a path.");
    }
    for (String part : p.split("/", -1)) {
      if (part.equals("..") || (part.isEmpty() && !p.isEmpty()) || part.indexOf('\0') >= 0) {
        throw new IllegalArgumentException(
            name + " '" + value + "' must stay inside the repository (no '..' or empty parts).");
      }
    }
    return p;
  }

  /** Checks a new branch name against git's ref-name rules. */
  static String branch(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("branch is required.");
    }
    if (value.startsWith("-") || !Repository.isValidRefName("refs/heads/" + value)) {
      throw new IllegalArgumentException(
          "branch '" + value + "' is not a valid branch name (git check-ref-format rules).");
    }
    return value;
  }

  static ObjectId resolve(Repository repo, String ref) throws IOException {
    String rev = ref == null ? "HEAD" : ref;
    ObjectId id = repo.resolve(rev);
    if (id == null) {
      if (rev.equals("HEAD")) {
        throw ToolException.notFound("The repository has no commits yet (HEAD is unborn).");
      }
      throw ToolException.notFound(
          "Unknown revision '"
              + rev
              + "'. See git_branches and git_tags for names, or git_log for commit ids.");
    }
    return id;
  }

  static RevCommit commit(RevWalk walk, Repository repo, String ref) throws IOException {
    var object = walk.peel(walk.parseAny(resolve(repo, ref)));
    if (!(object instanceof RevCommit commit)) {
      throw ToolException.invalid("'" + ref + "' names a " + typeName(object.getType()) + ".");
    }
    walk.parseHeaders(commit);
    return commit;
  }

  private static String typeName(int type) {
    return switch (type) {
      case org.eclipse.jgit.lib.Constants.OBJ_TREE -> "tree, not a commit";
      case org.eclipse.jgit.lib.Constants.OBJ_BLOB -> "file (blob), not a commit";
      default -> "non-commit object";
    };
  }

  static int bounded(Integer value, int defaultValue, int max) {
    if (value == null) {
      return defaultValue;
    }
    return Math.min(value, max);
  }
}

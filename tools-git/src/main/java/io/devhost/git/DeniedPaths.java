package io.devhost.git;

import io.devhost.core.PathPolicy;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The sandbox's deny rules applied to the paths of one repository, so that a secret hidden from the
 * file tools stays hidden in the history too: a {@code .env} committed once is still a {@code
 * .env}.
 *
 * <p>A repository may sit below a root, so a path is matched twice: relative to the repository's
 * top and, for a repository with a working tree, relative to the root that holds it. It is denied
 * when either matches; a path rule such as {@code services/api/config/*} written for the file tools
 * then covers the repository at {@code services/api} as well. Names of denied files are not
 * withheld (logs, status and diff summaries list them); their content is.
 */
final class DeniedPaths {

  private final PathPolicy paths;
  private final Path workTree;
  private final ToolContext ctx;

  /**
   * @param workTree the real path of the working tree, or null for a bare repository
   * @param ctx the call, whose roots the root-relative rules are matched against
   */
  DeniedPaths(PathPolicy paths, Path workTree, ToolContext ctx) {
    this.paths = paths;
    this.workTree = workTree;
    this.ctx = ctx;
  }

  /** The rule that hides a repository path ('/'-separated, from the top), if any. */
  Optional<String> ruleFor(String repoPath) {
    Optional<String> rule = paths.denyRule(repoPath);
    if (rule.isEmpty() && workTree != null && repoPath != null && !repoPath.isEmpty()) {
      rule = paths.denyRuleAt(workTree.resolve(repoPath), ctx);
    }
    return rule;
  }

  /**
   * Why the working-tree file at a repository path must not be shown or staged although no deny
   * rule hides it: it has other hard links, one of which may lie outside the roots. Empty when
   * there is no working tree, no such file, or nothing against it.
   */
  Optional<String> hardLinkRefusal(String repoPath) {
    if (workTree == null || repoPath == null || repoPath.isEmpty()) {
      return Optional.empty();
    }
    return paths.hardLinkRefusal(workTree.resolve(repoPath));
  }

  /** Refuses to return the content of a denied path, in the file tools' words. */
  void requireReadable(String repoPath) {
    ruleFor(repoPath)
        .ifPresent(
            rule -> {
              throw ToolException.denied(
                  "Access denied: "
                      + repoPath
                      + " matches the deny rule '"
                      + rule
                      + "'. Such files are hidden from the tools on purpose, in every revision of"
                      + " the history too.");
            });
  }

  /** The note that stands in for a denied file's content in a multi-file result. */
  static String withheldNote(String rule) {
    return "content withheld: path matches deny rule '" + rule + "'";
  }
}

package io.devhost.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The file sandbox's rules for toolsets that read files through a library rather than through the
 * file tools: git opens repositories by path with JGit, and must honour the same roots, client
 * roots, deny rules and hard-link refusal as the file tools, or a secret hidden from {@code
 * read_text_file} would show in {@code git_show}.
 *
 * <p>The filesystem toolset's sandbox implements it; the server hands that one instance to every
 * toolset that needs it, so there is one set of rules. A toolset that depends on this interface
 * does not depend on the filesystem toolset.
 */
public interface PathPolicy {

  /**
   * The roots in effect for a call: the configured roots narrowed by the client's roots, or the
   * client's roots, or the default roots. Real paths; empty when there is no root.
   */
  List<Path> effectiveRoots(ToolContext ctx);

  /** True when a real path is one of the call's roots or lies below one, compared by components. */
  boolean isInside(Path real, ToolContext ctx);

  /**
   * The real path of an existing file or directory named as a user names it (relative to the first
   * root, absolute, or {@code ~}), after the deny rules and containment checks the file tools
   * apply.
   *
   * @throws ToolException with an actionable message when it is outside the roots, denied or absent
   */
  Path resolveExisting(String userPath, ToolContext ctx);

  /**
   * The deny rule that hides a '/'-separated path relative to some base, which need not exist (a
   * path in a repository's history, say). Empty when no rule applies or a {@code !glob} lifts it.
   */
  Optional<String> denyRule(String relativePath);

  /**
   * The deny rule that hides an absolute path, matched relative to the most specific root that
   * holds it; the path need not exist. Empty outside the roots.
   */
  Optional<String> denyRuleAt(Path absolute, ToolContext ctx);

  /**
   * Why the content of the file at a real path must not be shown for its hard links (another link
   * may lie outside the roots); empty when nothing is against it.
   */
  Optional<String> hardLinkRefusal(Path real);
}

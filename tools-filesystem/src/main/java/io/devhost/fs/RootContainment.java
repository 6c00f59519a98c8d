package io.devhost.fs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one rule that decides whether a path lies inside the allowed roots, and in which: a pure
 * function of its arguments, with no file-system access, shared by both sandbox kinds. The caller
 * has already resolved symbolic links (a link's target is given as the path it resolves to); this
 * function only compares names.
 *
 * <p>Paths are compared by components after {@link Path#normalize()}, so {@code /allowed} never
 * contains {@code /allowed-evil} (CVE-2025-53110) and {@code /allowed/../etc} is {@code /etc}. A
 * relative path is never inside: only an absolute, resolved path can be judged. Case and Unicode
 * normalisation follow the platform's {@link Path#equals}: exact on Linux, case-insensitive on
 * Windows. Of nested roots, the most specific (longest) one holds the path.
 */
final class RootContainment {

  /** Where a contained path lies: its root, and the path below it (empty for the root itself). */
  record Inside(Path root, Path relative) {}

  private RootContainment() {}

  /** The most specific root that holds {@code resolved}, or empty when none does. */
  static Optional<Inside> locate(List<Path> roots, Path resolved) {
    if (!resolved.isAbsolute()) {
      return Optional.empty();
    }
    Path path = resolved.normalize();
    Path best = null;
    for (Path root : roots) {
      Path r = root.normalize();
      if (r.isAbsolute()
          && path.startsWith(r)
          && (best == null || r.getNameCount() > best.getNameCount())) {
        best = r;
      }
    }
    return best == null ? Optional.empty() : Optional.of(new Inside(best, best.relativize(path)));
  }
}

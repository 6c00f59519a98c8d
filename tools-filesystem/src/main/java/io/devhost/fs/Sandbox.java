package io.devhost.fs;

import io.devhost.core.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Owns every decision about which paths a tool may touch. Tools never resolve paths themselves.
 *
 * <p>Containment is decided on real paths (symlinks resolved) and by path components, so {@code
 * /allowed} never matches {@code /allowed-evil} and a link inside a root that points out of it is
 * refused.
 */
public final class Sandbox {

  private final List<Path> roots;

  private Sandbox(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  /**
   * Builds a sandbox over existing directories.
   *
   * @throws IllegalArgumentException naming the root that does not exist or is not a directory
   */
  public static Sandbox of(List<Path> configuredRoots) {
    if (configuredRoots.isEmpty()) {
      throw new IllegalArgumentException("at least one allowed root is required");
    }
    var real = new ArrayList<Path>();
    for (Path root : configuredRoots) {
      try {
        Path r = root.toAbsolutePath().normalize().toRealPath();
        if (!Files.isDirectory(r)) {
          throw new IllegalArgumentException("allowed root is not a directory: " + root);
        }
        if (!real.contains(r)) {
          real.add(r);
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("allowed root does not exist: " + root);
      }
    }
    return new Sandbox(real);
  }

  public List<Path> roots() {
    return roots;
  }

  /**
   * Resolves a path a client gave to the real path of an existing file or directory inside the
   * roots. Relative paths are taken against the first root; {@code ~} is the user's home.
   */
  public Path resolveExisting(String userPath) {
    Path candidate = toAbsolute(userPath);
    Path real;
    try {
      real = candidate.toRealPath();
    } catch (NoSuchFileException e) {
      requireInside(candidate.normalize(), userPath);
      throw ToolException.notFound("No such file or directory: " + userPath);
    } catch (IOException e) {
      throw ToolException.notFound("Cannot access " + userPath + ": " + e.getMessage());
    }
    requireInside(real, userPath);
    return real;
  }

  /** True when {@code real} is one of the roots or lies below one, compared by components. */
  public boolean isInside(Path real) {
    for (Path root : roots) {
      if (real.startsWith(root)) {
        return true;
      }
    }
    return false;
  }

  /** The path as the client should see it: relative to its root when that is unambiguous. */
  public String display(Path real) {
    return real.toString();
  }

  /** Refuses anything that is not a regular file: FIFOs hang readers, devices never end. */
  public static void requireRegularFile(Path real, String userPath) {
    if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
      throw ToolException.invalid(userPath + " is a directory; use list_directory for it.");
    }
    if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
      throw ToolException.invalid(
          userPath + " is not a regular file (a FIFO, socket or device); it cannot be read.");
    }
  }

  private Path toAbsolute(String userPath) {
    if (userPath == null || userPath.isBlank()) {
      throw ToolException.invalid("The path is empty. Pass a path inside " + roots + ".");
    }
    if (userPath.indexOf('\0') >= 0) {
      throw ToolException.invalid("The path contains a NUL character.");
    }
    try {
      String expanded = expandHome(userPath);
      Path p = Path.of(expanded);
      return p.isAbsolute() ? p : roots.get(0).resolve(p);
    } catch (InvalidPathException e) {
      throw ToolException.invalid("Not a valid path: " + userPath + " (" + e.getReason() + ").");
    }
  }

  private static String expandHome(String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      return System.getProperty("user.home") + path.substring(1);
    }
    return path;
  }

  private void requireInside(Path path, String userPath) {
    if (!isInside(path)) {
      throw ToolException.denied(
          "Access denied: "
              + userPath
              + " is outside the allowed directories "
              + roots
              + ". Call list_allowed_directories to see where you may look.");
    }
  }
}

package io.devhost.server.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether the working directory may serve as the root when none is configured and the
 * client offers none. Clients start stdio servers wherever they like (Claude Desktop starts them in
 * {@code /}), so a directory that holds the system or every user's files is never served
 * implicitly: only a directory somebody chose with {@code --roots} is.
 *
 * <p>A pure function over path text, so one table test covers Linux, macOS and Windows paths on any
 * machine.
 */
public final class ImplicitRoot {

  /** Refused together with everything below them: nobody keeps a project in there. */
  private static final Set<String> SYSTEM_TREES =
      Set.of(
          "/etc",
          "/bin",
          "/sbin",
          "/lib",
          "/lib32",
          "/lib64",
          "/libx32",
          "/proc",
          "/sys",
          "/dev",
          "/boot",
          "/system",
          "/library",
          "/applications",
          "/windows",
          "/program files",
          "/program files (x86)",
          "/programdata");

  /**
   * Refused themselves only: they hold other people's files or every project at once, while a
   * directory below them ({@code /usr/src/app}, {@code /var/www/site}, {@code /tmp/x}) is a project
   * like any other.
   */
  private static final Set<String> SHARED_PARENTS =
      Set.of(
          "/",
          "/usr",
          "/var",
          "/opt",
          "/tmp",
          "/root",
          "/home",
          "/users",
          "/private",
          "/mnt",
          "/media",
          "/srv");

  private static final Pattern DRIVE = Pattern.compile("^([a-z]):(/.*)?$");

  private ImplicitRoot() {}

  /** The working directory as the implicit root, or empty when it must not be one. */
  public static Optional<Path> of(Path workingDirectory, Path home) {
    return whyNot(workingDirectory.toString(), home.toString()) == null
        ? Optional.of(workingDirectory)
        : Optional.empty();
  }

  /**
   * Why {@code directory} may not be the implicit root ("a system directory", "your home
   * directory"), or null when it may.
   */
  public static String whyNot(String directory, String home) {
    String dir = comparable(directory);
    if (dir.equals(comparable(home))) {
      return "your home directory";
    }
    if (SHARED_PARENTS.contains(dir)) {
      return dir.equals("/") ? "the file system's root" : "a system directory";
    }
    for (String tree : SYSTEM_TREES) {
      if (dir.equals(tree) || dir.startsWith(tree + "/")) {
        return "a system directory";
      }
    }
    return null;
  }

  /**
   * Lower case (macOS and Windows compare names without case), '/' separators, no trailing '/', and
   * a Windows drive letter dropped, so {@code C:\Windows} compares as {@code /windows}.
   */
  private static String comparable(String path) {
    String p = path.replace('\\', '/').toLowerCase(Locale.ROOT);
    var drive = DRIVE.matcher(p);
    if (drive.matches()) {
      p = drive.group(2) == null ? "/" : drive.group(2);
    }
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() ? "/" : p;
  }
}

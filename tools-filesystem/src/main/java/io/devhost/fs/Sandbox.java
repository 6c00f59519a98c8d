package io.devhost.fs;

import io.devhost.core.PathPolicy;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Owns every decision about which paths a tool may touch. Tools never resolve or open paths
 * themselves: they ask for a {@link Target} and open it through a {@link VerifiedDir}.
 *
 * <p>Containment is decided on real paths (symlinks resolved) and by path components, so {@code
 * /allowed} never matches {@code /allowed-evil} (CVE-2025-53110) and a link inside a root that
 * points out of it is refused (CVE-2025-53109). The check alone would leave a window in which a
 * component is swapped for a symlink; it is closed by opening: every file is opened relative to a
 * directory handle reached from the root without following links (see {@link VerifiedDir}).
 *
 * <p>Where roots are configured, MCP client roots only narrow them, never widen them. Where none
 * are, the client's roots are the roots of its session, and only when it offers none do the default
 * roots apply (the server passes the working directory when it is safe to serve). With no root at
 * all every path is refused, with a message that says how to configure one.
 */
public final class Sandbox implements PathPolicy {

  /**
   * How files are opened. {@code SECURE} walks directory handles ({@code openat}) and has no
   * check-then-use window; {@code PORTABLE} uses paths with identity re-checks, for JDKs that lack
   * {@code SecureDirectoryStream} (Windows). docs/security.md states what each guarantees.
   */
  public enum Kind {
    SECURE,
    PORTABLE;

    /**
     * {@code SECURE} where this JDK offers {@code SecureDirectoryStream}, else {@code PORTABLE}.
     */
    public static Kind bestAvailable() {
      return SecureDir.available() ? SECURE : PORTABLE;
    }
  }

  /** What a tool wants to do with a path; writes also need a writable root and no write-deny. */
  public enum Access {
    READ,
    WRITE
  }

  /**
   * A path inside a configured root, checked: {@code relative} has no {@code ..} and no symlinks
   * (as of the check), and is empty for the root itself.
   */
  public record Target(Path root, Path relative, String userPath) {
    Path real() {
      return isRoot() ? root : root.resolve(relative);
    }

    boolean isRoot() {
      return relative.toString().isEmpty();
    }

    Path name() {
      return relative.getFileName();
    }
  }

  public static final long DEFAULT_MAX_READ_BYTES = 32L * 1024 * 1024;
  private static final int MAX_PATH_BYTES = 4095;
  private static final int MAX_NAME_BYTES = 255;

  public static final long DEFAULT_MAX_WRITE_BYTES = 10L * 1024 * 1024;

  private final List<Path> roots;
  private final List<Path> defaultRoots;
  private final String noRootHint;
  private final List<Path> readOnlyRoots;
  private final DenyRules deny;
  private final long maxReadBytes;
  private final long maxWriteBytes;
  private final Kind kind;
  private final boolean allowHardLinks;

  private Sandbox(Builder b, List<Path> roots, List<Path> defaultRoots, List<Path> readOnlyRoots) {
    this.roots = List.copyOf(roots);
    this.defaultRoots = List.copyOf(defaultRoots);
    this.noRootHint = b.noRootHint;
    this.readOnlyRoots = List.copyOf(readOnlyRoots);
    this.deny = DenyRules.withDefaults(b.deny);
    this.maxReadBytes = b.maxReadBytes;
    this.maxWriteBytes = b.maxWriteBytes;
    this.kind = b.kind;
    this.allowHardLinks = b.allowHardLinks;
  }

  /** A sandbox over writable roots with the default deny rules and caps. */
  public static Sandbox of(List<Path> configuredRoots) {
    return builder().roots(configuredRoots).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the configuration; {@link #build} validates it once, naming what is wrong. */
  public static final class Builder {
    private List<Path> roots = List.of();
    private List<Path> readOnlyRoots = List.of();
    private List<Path> defaultRoots = List.of();
    private String noRootHint =
        "Configure an allowed directory, or use a client that offers roots.";
    private List<String> deny = List.of();
    private long maxReadBytes = DEFAULT_MAX_READ_BYTES;
    private long maxWriteBytes = DEFAULT_MAX_WRITE_BYTES;
    private Kind kind = Kind.bestAvailable();
    private boolean allowHardLinks;

    private Builder() {}

    /** How files are opened; the default is the best this JDK offers. */
    public Builder kind(Kind kind) {
      this.kind = kind;
      return this;
    }

    /**
     * Whether regular files with more than one hard link may be read, edited, copied, moved and
     * served; off by default, because another name of such a file may lie outside every root.
     */
    public Builder allowHardLinks(boolean allow) {
      this.allowHardLinks = allow;
      return this;
    }

    /** Directories the tools may read and write. */
    public Builder roots(List<Path> roots) {
      this.roots = List.copyOf(roots);
      return this;
    }

    /** Directories the tools may only read; may also lie inside a writable root. */
    public Builder readOnlyRoots(List<Path> readOnlyRoots) {
      this.readOnlyRoots = List.copyOf(readOnlyRoots);
      return this;
    }

    /**
     * Writable roots for sessions whose client offers no roots, used only when no root is
     * configured.
     */
    public Builder defaultRoots(List<Path> defaultRoots) {
      this.defaultRoots = List.copyOf(defaultRoots);
      return this;
    }

    /** What the refusal says to do when a call has no root at all. */
    public Builder noRootHint(String hint) {
      this.noRootHint = hint;
      return this;
    }

    /** Globs added to the default deny rules; {@code !glob} lifts a default. */
    public Builder deny(List<String> globs) {
      this.deny = List.copyOf(globs);
      return this;
    }

    /** The largest file a tool reads into memory at once. */
    public Builder maxReadBytes(long bytes) {
      this.maxReadBytes = bytes;
      return this;
    }

    /** The largest content a write, edit or append may produce. */
    public Builder maxWriteBytes(long bytes) {
      this.maxWriteBytes = bytes;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the root that does not exist or is not a directory,
     *     or the glob that does not parse
     */
    public Sandbox build() {
      if (maxReadBytes < 1 || maxWriteBytes < 1) {
        throw new IllegalArgumentException("size caps must be positive");
      }
      if (kind == Kind.SECURE && !SecureDir.available()) {
        throw new IllegalArgumentException(
            "the secure file sandbox needs SecureDirectoryStream, which this JDK lacks;"
                + " use --fs-sandbox portable");
      }
      var readOnly = realDirectories(readOnlyRoots);
      var all = new LinkedHashSet<>(realDirectories(roots));
      all.addAll(readOnly);
      return new Sandbox(this, new ArrayList<>(all), realDirectories(defaultRoots), readOnly);
    }

    private static List<Path> realDirectories(List<Path> dirs) {
      var real = new ArrayList<Path>();
      for (Path root : dirs) {
        try {
          Path r = root.toAbsolutePath().normalize().toRealPath();
          if (!Files.isDirectory(r)) {
            throw new IllegalArgumentException(
                "the allowed root "
                    + root
                    + " is a file, not a directory; name the directory that holds it instead.");
          }
          if (!real.contains(r)) {
            real.add(r);
          }
        } catch (IOException e) {
          throw new IllegalArgumentException(
              "the allowed root "
                  + root
                  + " does not exist; create it, or name an existing directory instead.");
        }
      }
      return real;
    }
  }

  /** The configured roots, real paths, writable ones first; empty when none is configured. */
  public List<Path> roots() {
    return roots;
  }

  public boolean isReadOnly(Path root) {
    return readOnlyRoots.contains(root);
  }

  DenyRules denyRules() {
    return deny;
  }

  /**
   * The deny rule that hides a path relative to some base, '/'-separated, which need not exist: for
   * code that reads content by name from somewhere other than the file system, such as a git
   * repository's history. Empty when no rule applies or a {@code !glob} lifts it.
   */
  @Override
  public Optional<String> denyRule(String relativePath) {
    if (relativePath == null || relativePath.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(deny.deniedBy(Path.of(relativePath)));
    } catch (InvalidPathException e) {
      return Optional.of("(not a valid path)");
    }
  }

  /**
   * The deny rule that hides an absolute path, matched relative to the most specific root that
   * holds it, as the file tools match it; the path need not exist. Empty outside the roots.
   */
  @Override
  public Optional<String> denyRuleAt(Path absolute, ToolContext ctx) {
    return RootContainment.locate(anchorRoots(effectiveRoots(ctx)), absolute)
        .flatMap(inside -> denyRule(inside.relative().toString()));
  }

  long maxReadBytes() {
    return maxReadBytes;
  }

  long maxWriteBytes() {
    return maxWriteBytes;
  }

  /**
   * The roots in effect for a call. With configured roots: those, narrowed by the client's roots
   * when the client declares any (a client root of {@code /} leaves them as they are; a client root
   * inside a configured root replaces it; a client root outside every configured root adds
   * nothing). Without: the client's roots, else the default roots. Empty when there is no root.
   */
  @Override
  public List<Path> effectiveRoots(ToolContext ctx) {
    Optional<List<URI>> client = ctx.clientRoots();
    if (roots.isEmpty()) {
      var offered = client.map(Sandbox::existingDirectories).orElse(List.of());
      return offered.isEmpty() ? defaultRoots : offered;
    }
    if (client.isEmpty()) {
      return roots;
    }
    var effective = new LinkedHashSet<Path>();
    for (Path c : existingDirectories(client.get())) {
      for (Path r : roots) {
        if (c.startsWith(r)) {
          effective.add(c);
        } else if (r.startsWith(c)) {
          effective.add(r);
        }
      }
    }
    return List.copyOf(effective);
  }

  /**
   * The roots that deny rules and read-only checks are anchored at: the configured ones when there
   * are any, so that a client root narrowing a read-only root stays read-only and a rule such as
   * {@code secrets/**} keeps matching from the configured root; else the call's own roots.
   */
  private List<Path> anchorRoots(List<Path> inEffect) {
    return roots.isEmpty() ? inEffect : roots;
  }

  private static List<Path> existingDirectories(List<URI> clientRoots) {
    return clientRoots.stream()
        .map(Sandbox::clientRootPath)
        .filter(p -> p != null && Files.isDirectory(p))
        .distinct()
        .toList();
  }

  /**
   * The refusal of a call made while no root is in effect: the model cannot fix that, so the
   * message is for the person who reads it to them.
   */
  private ToolException noRoot() {
    return ToolException.denied(
        "DevHost has no allowed directory in this session, so no file or repository can be"
            + " opened. "
            + noRootHint);
  }

  private static Path clientRootPath(URI uri) {
    try {
      return "file".equalsIgnoreCase(uri.getScheme()) ? Path.of(uri).toRealPath() : null;
    } catch (IOException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
  }

  /** Resolves a path that must exist, for the given access. */
  public Target existing(String userPath, ToolContext ctx, Access access) {
    Located loc = locate(userPath, ctx, access);
    if (!loc.missing().toString().isEmpty()) {
      throw ToolException.notFound(
          "No such file or directory: " + userPath + ". Check the name with list_directory.");
    }
    return loc.target();
  }

  /**
   * Resolves a path to create or replace. Its parent must exist unless {@code createParents}; the
   * entry itself may or may not exist.
   */
  public Target forWrite(String userPath, ToolContext ctx, boolean createParents) {
    Located loc = locate(userPath, ctx, Access.WRITE);
    if (loc.target().isRoot()) {
      throw ToolException.invalid(userPath + " is an allowed root itself, not a file in one.");
    }
    if (loc.missing().getNameCount() > 1 && !createParents) {
      throw ToolException.notFound(
          "The parent directory of "
              + userPath
              + " does not exist. Pass createParents=true or call create_directory first.");
    }
    return loc.target();
  }

  private record Located(Target target, Path missing) {}

  private Located locate(String userPath, ToolContext ctx, Access access) {
    List<Path> inEffect = effectiveRoots(ctx);
    if (inEffect.isEmpty()) {
      throw noRoot();
    }
    Path abs = toAbsolute(userPath, inEffect.get(0)).normalize();
    Path existing = abs;
    Path missing = Path.of("");
    Path real;
    while (true) {
      try {
        real = existing.toRealPath();
        break;
      } catch (NoSuchFileException | NotDirectoryException e) {
        Path parent = existing.getParent();
        if (parent == null) {
          throw denied(userPath, inEffect);
        }
        missing = existing.getFileName().resolve(missing);
        existing = parent;
      } catch (FileSystemException e) {
        if (e.getReason() != null && e.getReason().contains("too long")) {
          throw ToolException.invalid("The path " + userPath + " is too long for the file system.");
        }
        throw ioFailure(userPath, e);
      } catch (IOException e) {
        throw ioFailure(userPath, e);
      }
    }
    Path full = missing.toString().isEmpty() ? real : real.resolve(missing);
    if (RootContainment.locate(inEffect, full).isEmpty()) {
      throw denied(userPath, inEffect);
    }
    var inside =
        RootContainment.locate(anchorRoots(inEffect), full)
            .orElseThrow(() -> denied(userPath, inEffect));
    Path root = inside.root();
    Path relative = inside.relative();
    String rule = access == Access.WRITE ? deny.writeDeniedBy(relative) : deny.deniedBy(relative);
    if (rule != null) {
      throw ToolException.denied(
          "Access denied: "
              + userPath
              + " matches the deny rule '"
              + rule
              + "'"
              + (access == Access.WRITE ? " for writes" : "")
              + ". Such files are hidden from the tools on purpose.");
    }
    if (access == Access.WRITE && isReadOnly(root)) {
      throw ToolException.denied(
          "Access denied: " + userPath + " lies in the read-only directory " + root + ".");
    }
    return new Located(new Target(root, relative, userPath), missing);
  }

  /**
   * The real path of an existing file or directory, for code that must hand a path to a library
   * (JGit opens repositories by path). Deny rules and containment apply as for the file tools; the
   * race-free handle walk does not, so file tools use {@link #existing} instead.
   */
  @Override
  public Path resolveExisting(String userPath, ToolContext ctx) {
    return existing(userPath, ctx, Access.READ).real();
  }

  /**
   * Why the file tools would refuse the content of the file at a real path for its hard links, for
   * code that reads a working tree by path through a library (JGit); empty when they would not (one
   * link, not a regular file, gone, or hard links allowed).
   */
  @Override
  public Optional<String> hardLinkRefusal(Path real) {
    if (allowHardLinks || !HardLinks.COUNTED) {
      return Optional.empty();
    }
    try {
      var attrs = HardLinks.read(real);
      int links = HardLinks.count(attrs);
      return Boolean.TRUE.equals(attrs.get("isRegularFile")) && links > 1
          ? Optional.of(HardLinks.reason(links))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** True when a real path is one of the call's roots or lies below one, compared by components. */
  @Override
  public boolean isInside(Path real, ToolContext ctx) {
    return RootContainment.locate(effectiveRoots(ctx), real).isPresent();
  }

  /** Opens the directory a target names, walking from its root without following links. */
  VerifiedDir openDir(Target t) throws IOException {
    return walk(
        t.root(),
        t.relative(),
        t.relative().toString().isEmpty() ? 0 : t.relative().getNameCount(),
        false);
  }

  /** Opens the directory that holds a target, creating missing directories when asked. */
  VerifiedDir openParent(Target t, boolean createMissing) throws IOException {
    return walk(t.root(), t.relative(), t.relative().getNameCount() - 1, createMissing);
  }

  /**
   * Opens a regular file for reading, relative to its verified directory, without following links.
   */
  FileChannel openFile(Target t) throws IOException {
    if (t.isRoot()) {
      throw ToolException.invalid(t.userPath() + " is a directory; use list_directory for it.");
    }
    try (VerifiedDir dir = openParent(t, false)) {
      return dir.openRead(t.name(), t.userPath());
    }
  }

  /** The attributes of the entry a target names, not following a link at its end. */
  BasicFileAttributes attributes(Target t) throws IOException {
    if (t.isRoot()) {
      return Files.readAttributes(t.root(), BasicFileAttributes.class);
    }
    try (VerifiedDir dir = openParent(t, false)) {
      BasicFileAttributes attrs = dir.attributes(t.name());
      if (attrs == null) {
        throw new NoSuchFileException(t.userPath());
      }
      return attrs;
    }
  }

  /** Opens an allowed root, the start of every walk. */
  VerifiedDir openRoot(Path root) throws IOException {
    return kind == Kind.SECURE
        ? SecureDir.openRoot(root, allowHardLinks)
        : PortableDir.openRoot(root, allowHardLinks);
  }

  private VerifiedDir walk(Path root, Path relative, int depth, boolean create) throws IOException {
    VerifiedDir dir = openRoot(root);
    try {
      for (int i = 0; i < depth; i++) {
        Path name = relative.getName(i);
        VerifiedDir next;
        try {
          next = dir.child(name);
        } catch (NoSuchFileException e) {
          if (!create) {
            throw e;
          }
          next = dir.createChild(name);
        }
        dir.close();
        dir = next;
      }
      return dir;
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /**
   * Refuses to move or delete a directory that holds something the deny rules protect: otherwise a
   * recursive delete would remove a secret by its parent's name, and a move would carry it out from
   * under a path rule such as {@code secrets/**}.
   */
  void requireNothingProtectedInside(VerifiedDir dir, Target t) throws IOException {
    requireNothingProtectedInside(dir, t.relative().toString(), t.userPath());
  }

  private void requireNothingProtectedInside(VerifiedDir dir, String relative, String userPath)
      throws IOException {
    for (Path entry : dir) {
      Path name = entry.getFileName();
      String rel = relative + "/" + name;
      String rule = deny.writeDeniedBy(Path.of(rel));
      if (rule != null) {
        throw ToolException.denied(
            userPath
                + " contains "
                + rel
                + ", which the deny rule '"
                + rule
                + "' protects; nothing was changed. Move or delete the other entries one by one.");
      }
      var attrs = dir.attributes(name);
      if (attrs != null && attrs.isDirectory()) {
        try (VerifiedDir child = dir.child(name)) {
          requireNothingProtectedInside(child, rel, userPath);
        }
      }
    }
  }

  /** Turns an I/O failure into a message a model can act on, without internals. */
  static ToolException ioFailure(String userPath, IOException e) {
    if (e instanceof NoSuchFileException) {
      return ToolException.notFound("No such file or directory: " + userPath + ".");
    }
    if (e instanceof AccessDeniedException) {
      return ToolException.denied("The operating system denied access to " + userPath + ".");
    }
    if (e instanceof FileAlreadyExistsException) {
      return new ToolException(ToolException.Kind.CONFLICT, userPath + " already exists.");
    }
    if (e instanceof DirectoryNotEmptyException) {
      return ToolException.invalid(
          userPath + " is a directory that is not empty; pass recursive=true to delete it.");
    }
    if (e instanceof NotDirectoryException) {
      return ToolException.invalid("A component of " + userPath + " is not a directory.");
    }
    String reason =
        e instanceof FileSystemException f && f.getReason() != null
            ? f.getReason()
            : e.getClass().getSimpleName();
    return new ToolException(
        ToolException.Kind.UNAVAILABLE,
        "Could not access "
            + userPath
            + ": "
            + reason
            + ". Nothing was changed by the failed step.");
  }

  private static Path toAbsolute(String userPath, Path firstRoot) {
    if (userPath == null || userPath.isBlank()) {
      throw ToolException.invalid("The path is empty. Pass a path inside " + firstRoot + ".");
    }
    if (userPath.indexOf('\0') >= 0) {
      throw ToolException.invalid("The path contains a NUL character.");
    }
    try {
      String expanded = expandHome(userPath);
      Path p = Path.of(expanded);
      return requireFitsFileSystem(p.isAbsolute() ? p : firstRoot.resolve(p), userPath);
    } catch (InvalidPathException e) {
      throw ToolException.invalid("Not a valid path: " + userPath + " (" + e.getReason() + ").");
    }
  }

  /**
   * Refuses names and paths longer than Linux accepts (255 bytes a name, 4095 a path) before any
   * system call: past those limits path-based calls fail halfway, e.g. after creating parents.
   */
  private static Path requireFitsFileSystem(Path p, String userPath) {
    if (p.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
      throw ToolException.invalid(
          "The path "
              + abbreviate(userPath)
              + " is longer than "
              + MAX_PATH_BYTES
              + " bytes; use a shorter one.");
    }
    for (Path name : p) {
      if (name.toString().getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
        throw ToolException.invalid(
            "A name in "
                + abbreviate(userPath)
                + " is longer than "
                + MAX_NAME_BYTES
                + " bytes; use a shorter one.");
      }
    }
    return p;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  private static String expandHome(String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      return System.getProperty("user.home") + path.substring(1);
    }
    return path;
  }

  private static ToolException denied(String userPath, List<Path> roots) {
    return ToolException.denied(
        "Access denied: "
            + userPath
            + " is outside the allowed directories "
            + roots
            + ". Call list_allowed_directories to see where you may look.");
  }
}

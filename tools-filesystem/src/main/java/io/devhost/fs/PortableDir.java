package io.devhost.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Set;

/**
 * A {@link VerifiedDir} for JDKs without {@code SecureDirectoryStream} (Windows): it holds the
 * directory's real path and its identity as verified, and uses paths. Around every operation it
 * confirms that the path still resolves to itself (no component became a link) and still names the
 * same directory; an opened file must be the file that was checked (same file key, or same creation
 * time, modification time and size where the OS has no file keys, and the opened channel must have
 * the checked size); a temp file must lie in this directory before content goes into it. A swap
 * that persists across an operation is therefore caught. Unlike {@link SecureDir} it cannot exclude
 * a swap made and undone within the microseconds between a check and a system call; the
 * consequences of that window are listed in docs/security.md.
 */
final class PortableDir extends VerifiedDir {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final BasicFileAttributes identity;

  private PortableDir(Path path, BasicFileAttributes identity, boolean allowHardLinks) {
    super(path, allowHardLinks);
    this.identity = identity;
  }

  /** Opens an allowed root by its (already real) path; a root replaced by a link is refused. */
  static PortableDir openRoot(Path realRoot, boolean allowHardLinks) throws IOException {
    var root = new PortableDir(realRoot, readIdentity(realRoot), allowHardLinks);
    root.verify();
    return root;
  }

  @Override
  PortableDir child(Path name) throws IOException {
    Path p = entry(name);
    verify();
    var dir = new PortableDir(p, readIdentity(p), allowHardLinks());
    dir.verify();
    return dir;
  }

  private static BasicFileAttributes readIdentity(Path dir) throws IOException {
    BasicFileAttributes attrs = Files.readAttributes(dir, BasicFileAttributes.class, NOFOLLOW);
    if (!attrs.isDirectory()) {
      throw swapped(dir);
    }
    return attrs;
  }

  /**
   * Confirms that this directory's path resolves to itself through no link and names the same
   * directory that was verified.
   */
  private void verify() throws IOException {
    try {
      BasicFileAttributes now = Files.readAttributes(path(), BasicFileAttributes.class, NOFOLLOW);
      if (!path().toRealPath().equals(path()) || !sameDirectory(identity, now)) {
        throw swapped(path());
      }
    } catch (NoSuchFileException e) {
      throw swapped(path());
    }
  }

  private static boolean sameDirectory(BasicFileAttributes a, BasicFileAttributes b) {
    if (!b.isDirectory()) {
      return false;
    }
    return a.fileKey() != null
        ? a.fileKey().equals(b.fileKey())
        : a.creationTime().equals(b.creationTime());
  }

  private static boolean sameFile(BasicFileAttributes a, BasicFileAttributes b) {
    if (!b.isRegularFile() || a.size() != b.size()) {
      return false;
    }
    return a.fileKey() != null
        ? a.fileKey().equals(b.fileKey())
        : a.creationTime().equals(b.creationTime())
            && a.lastModifiedTime().equals(b.lastModifiedTime());
  }

  private Path entry(Path name) {
    return path().resolve(name.getFileName());
  }

  @Override
  BasicFileAttributes attributes(Path name) {
    try {
      return Files.readAttributes(entry(name), BasicFileAttributes.class, NOFOLLOW);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  PosixFileAttributes posixAttributes(Path name) {
    if (!POSIX) {
      return null;
    }
    try {
      return Files.readAttributes(entry(name), PosixFileAttributes.class, NOFOLLOW);
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  @Override
  FileChannel open(Path name, BasicFileAttributes checked) throws IOException {
    Path file = entry(name);
    verify();
    FileChannel ch;
    try {
      ch = FileChannel.open(file, StandardOpenOption.READ, NOFOLLOW);
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw e;
    } catch (FileSystemException e) {
      throw swapped(file);
    }
    try {
      BasicFileAttributes now = attributes(name);
      verify();
      if (now == null || !sameFile(checked, now) || ch.size() != checked.size()) {
        throw swapped(file);
      }
      return ch;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  @Override
  void writeAtomically(Path name, Set<PosixFilePermission> mode, ContentWriter content)
      throws IOException {
    Path target = entry(name);
    // Not derived from the target's name: a name of 255 bytes leaves no room for a suffix.
    Path temp = path().resolve(".devhost-" + Long.toHexString(RANDOM.nextLong()) + ".tmp");
    FileAttribute<?>[] attrs = POSIX ? new FileAttribute<?>[] {permissions(name, mode)} : none();
    Set<OpenOption> options =
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW);
    verify();
    boolean created = false;
    boolean renamed = false;
    try {
      try (FileChannel ch = FileChannel.open(temp, options, attrs)) {
        created = true;
        // The temp file must be here, reached through no link, before any content goes into it.
        requireHere(temp);
        content.write(ch);
        ch.force(true);
        BasicFileAttributes written = attributes(temp);
        if (written == null || written.size() != ch.size()) {
          throw swapped(temp);
        }
      }
      verify();
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      renamed = true;
    } finally {
      if (created && !renamed) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort: the temp file is empty or unreferenced
        }
      }
    }
  }

  private static FileAttribute<?>[] none() {
    return new FileAttribute<?>[0];
  }

  private FileAttribute<Set<PosixFilePermission>> permissions(
      Path name, Set<PosixFilePermission> mode) {
    Set<PosixFilePermission> perms = mode;
    if (perms == null) {
      PosixFileAttributes old = posixAttributes(name);
      perms = old != null ? old.permissions() : PosixFilePermissions.fromString("rw-r--r--");
    }
    return PosixFilePermissions.asFileAttribute(perms);
  }

  private void requireHere(Path file) throws IOException {
    try {
      if (!file.toRealPath().equals(file)) {
        throw swapped(path());
      }
    } catch (NoSuchFileException e) {
      throw swapped(path());
    }
    verify();
  }

  @Override
  PortableDir createChild(Path name) throws IOException {
    verify();
    try {
      Files.createDirectory(entry(name));
    } catch (FileAlreadyExistsException e) {
      // created by someone else meanwhile: fine if it is a directory, checked by child()
    }
    return child(name);
  }

  @Override
  void deleteFile(Path name) throws IOException {
    BasicFileAttributes attrs = attributes(name);
    if (attrs != null && attrs.isDirectory()) {
      throw new FileSystemException(entry(name).toString(), null, "Is a directory");
    }
    verify();
    Files.delete(entry(name));
  }

  @Override
  void deleteDirectory(Path name) throws IOException {
    verify();
    Files.delete(entry(name));
  }

  @Override
  void rename(Path name, VerifiedDir target, Path targetName) throws IOException {
    var to = (PortableDir) target;
    verify();
    to.verify();
    Files.move(entry(name), to.entry(targetName), StandardCopyOption.ATOMIC_MOVE);
  }

  /** The entries' names, read at once; a directory swapped meanwhile is refused, not listed. */
  @Override
  public Iterator<Path> iterator() {
    var names = new ArrayList<Path>();
    try {
      verify();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(path())) {
        for (Path p : ds) {
          names.add(p.getFileName());
        }
      }
      verify();
    } catch (IOException e) {
      throw new DirectoryIteratorException(e);
    }
    return names.iterator();
  }

  @Override
  public void close() {
    // holds no handle
  }
}

package io.devhost.fs;

import io.devhost.core.ToolException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.Set;

/**
 * A {@link VerifiedDir} that holds an open handle on the directory. Every operation on an entry is
 * relative to this handle ({@code openat}, {@code fstatat}, {@code renameat}, {@code unlinkat} with
 * {@code O_NOFOLLOW}), so a symlink swapped in after the sandbox checked a path is refused by the
 * kernel instead of followed: there is no window between check and use for a path to be redirected
 * outside the roots.
 */
final class SecureDir extends VerifiedDir {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecureDirectoryStream<Path> sds;

  private SecureDir(SecureDirectoryStream<Path> sds, Path path, boolean allowHardLinks) {
    super(path, allowHardLinks);
    this.sds = sds;
  }

  private static final boolean AVAILABLE = probe();

  /** True where this JDK opens directories as {@link SecureDirectoryStream} (not Windows). */
  static boolean available() {
    return AVAILABLE;
  }

  private static boolean probe() {
    try (DirectoryStream<Path> ds =
        Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")))) {
      return ds instanceof SecureDirectoryStream;
    } catch (IOException e) {
      return false;
    }
  }

  /** Opens an allowed root, the one directory reached by its (already real) path. */
  static SecureDir openRoot(Path realRoot, boolean allowHardLinks) throws IOException {
    DirectoryStream<Path> ds = Files.newDirectoryStream(realRoot);
    if (ds instanceof SecureDirectoryStream<Path> secure) {
      return new SecureDir(secure, realRoot, allowHardLinks);
    }
    ds.close();
    throw new ToolException(
        ToolException.Kind.UNAVAILABLE,
        "This platform has no race-free directory access (openat); start DevHost with"
            + " --fs-sandbox portable.");
  }

  @Override
  SecureDir child(Path name) throws IOException {
    try {
      return new SecureDir(
          sds.newDirectoryStream(name.getFileName(), NOFOLLOW),
          path().resolve(name.getFileName()),
          allowHardLinks());
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw e;
    } catch (FileSystemException e) {
      throw swapped(path().resolve(name.getFileName()));
    }
  }

  @Override
  BasicFileAttributes attributes(Path name) {
    try {
      return sds.getFileAttributeView(name.getFileName(), BasicFileAttributeView.class, NOFOLLOW)
          .readAttributes();
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  PosixFileAttributes posixAttributes(Path name) {
    try {
      var view =
          sds.getFileAttributeView(name.getFileName(), PosixFileAttributeView.class, NOFOLLOW);
      return view == null ? null : view.readAttributes();
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  @Override
  FileChannel open(Path name, BasicFileAttributes checked) throws IOException {
    try {
      return (FileChannel)
          sds.newByteChannel(name.getFileName(), Set.of(StandardOpenOption.READ, NOFOLLOW));
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw e;
    } catch (FileSystemException e) {
      throw swapped(path().resolve(name.getFileName()));
    }
  }

  @Override
  void writeAtomically(Path name, Set<PosixFilePermission> mode, ContentWriter content)
      throws IOException {
    Path target = name.getFileName();
    Set<PosixFilePermission> perms = mode;
    if (perms == null) {
      PosixFileAttributes old = posixAttributes(target);
      perms = old != null ? old.permissions() : PosixFilePermissions.fromString("rw-r--r--");
    }
    // Not derived from the target's name: a name of 255 bytes leaves no room for a suffix.
    Path temp = Path.of(".devhost-" + Long.toHexString(RANDOM.nextLong()) + ".tmp");
    Set<OpenOption> options =
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW);
    FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(perms);
    boolean renamed = false;
    try {
      try (var ch = (FileChannel) sds.newByteChannel(temp, options, attr)) {
        content.write(ch);
        ch.force(true);
      }
      sds.move(temp, sds, target);
      renamed = true;
    } finally {
      if (!renamed) {
        try {
          sds.deleteFile(temp);
        } catch (IOException ignored) {
          // the temp file was never created or is already gone
        }
      }
    }
  }

  @Override
  SecureDir createChild(Path name) throws IOException {
    Path child = path().resolve(name.getFileName());
    try {
      // SecureDirectoryStream has no mkdirat; mkdir never follows a link at its last component, and
      // the directory is then opened relative to this handle, so nothing is used through a swap.
      Files.createDirectory(child);
    } catch (FileAlreadyExistsException e) {
      // created by someone else meanwhile: fine if it is a directory, checked by child()
    }
    return child(name);
  }

  @Override
  void deleteFile(Path name) throws IOException {
    sds.deleteFile(name.getFileName());
  }

  @Override
  void deleteDirectory(Path name) throws IOException {
    sds.deleteDirectory(name.getFileName());
  }

  /** A {@code renameat} between two handles, no copy. */
  @Override
  void rename(Path name, VerifiedDir target, Path targetName) throws IOException {
    sds.move(name.getFileName(), ((SecureDir) target).sds, targetName.getFileName());
  }

  @Override
  public Iterator<Path> iterator() {
    return sds.iterator();
  }

  @Override
  public void close() throws IOException {
    sds.close();
  }
}

package io.devhost.fs;

import io.devhost.core.ToolException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * An open handle on a directory that was reached from an allowed root one component at a time,
 * never following a symbolic link. Every operation on an entry is relative to this handle ({@code
 * openat}, {@code fstatat}, {@code renameat}, {@code unlinkat} with {@code O_NOFOLLOW}), so a
 * symlink swapped in after the sandbox checked a path is refused by the kernel instead of followed:
 * there is no window between check and use for a path to be redirected outside the roots.
 *
 * <p>Entry names are single components ({@link Path#getFileName()}), kept as {@link Path} so names
 * that are not valid UTF-8 keep their bytes.
 */
final class VerifiedDir implements Closeable, Iterable<Path> {

  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecureDirectoryStream<Path> sds;
  private final Path path;

  private VerifiedDir(SecureDirectoryStream<Path> sds, Path path) {
    this.sds = sds;
    this.path = path;
  }

  /** Opens an allowed root, the one directory reached by its (already real) path. */
  static VerifiedDir openRoot(Path realRoot) throws IOException {
    DirectoryStream<Path> ds = Files.newDirectoryStream(realRoot);
    if (ds instanceof SecureDirectoryStream<Path> secure) {
      return new VerifiedDir(secure, realRoot);
    }
    ds.close();
    throw new ToolException(
        ToolException.Kind.UNAVAILABLE,
        "This platform has no race-free directory access (openat); file tools are disabled.");
  }

  /** The real path of this directory as it was verified (for messages and results). */
  Path path() {
    return path;
  }

  /** Opens a subdirectory; a symlink or a non-directory in its place is refused. */
  VerifiedDir child(Path name) throws IOException {
    try {
      return new VerifiedDir(
          sds.newDirectoryStream(name.getFileName(), NOFOLLOW), path.resolve(name.getFileName()));
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw e;
    } catch (FileSystemException e) {
      throw swapped(path.resolve(name.getFileName()), e);
    }
  }

  /** The attributes of an entry itself (a link is reported as a link), or null if it is gone. */
  BasicFileAttributes attributes(Path name) {
    try {
      return sds.getFileAttributeView(name.getFileName(), BasicFileAttributeView.class, NOFOLLOW)
          .readAttributes();
    } catch (IOException e) {
      return null;
    }
  }

  /** POSIX attributes of an entry itself, or null where the file system has none. */
  PosixFileAttributes posixAttributes(Path name) {
    try {
      var view =
          sds.getFileAttributeView(name.getFileName(), PosixFileAttributeView.class, NOFOLLOW);
      return view == null ? null : view.readAttributes();
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  /**
   * Opens a regular file for reading. Its type is checked first, so a FIFO (which would block the
   * open) or a device is refused; the open itself does not follow links.
   */
  FileChannel openRead(Path name, String userPath) throws IOException {
    BasicFileAttributes attrs = attributes(name);
    if (attrs == null) {
      throw ToolException.notFound("No such file: " + userPath);
    }
    requireRegular(attrs, userPath);
    return openRegular(name);
  }

  /** Opens an entry whose attributes the caller just read and found to be a regular file. */
  FileChannel openRegular(Path name) throws IOException {
    try {
      return (FileChannel)
          sds.newByteChannel(name.getFileName(), Set.of(StandardOpenOption.READ, NOFOLLOW));
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw e;
    } catch (FileSystemException e) {
      throw swapped(path.resolve(name.getFileName()), e);
    }
  }

  static void requireRegular(BasicFileAttributes attrs, String userPath) {
    if (attrs.isDirectory()) {
      throw ToolException.invalid(userPath + " is a directory; use list_directory for it.");
    }
    if (attrs.isSymbolicLink()) {
      throw new ToolException(
          ToolException.Kind.CONFLICT,
          userPath + " changed into a symbolic link while being accessed; it was not followed.");
    }
    if (!attrs.isRegularFile()) {
      throw ToolException.invalid(
          userPath + " is not a regular file (a FIFO, socket or device); it cannot be read.");
    }
  }

  /** Writes the contents of a new version of a file; called with the temp file's channel. */
  @FunctionalInterface
  interface ContentWriter {
    void write(FileChannel out) throws IOException;
  }

  /**
   * Replaces (or creates) {@code name} atomically: the content goes to a temp file in this very
   * directory, is flushed to disk, and is renamed over the target in one {@code renameat}. A
   * failure at any point leaves the old file as it was and removes the temp file.
   *
   * @param mode permissions of the new file; null keeps those of the file replaced, or the default
   */
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

  /** Creates a subdirectory and opens it without following links. */
  VerifiedDir createChild(Path name) throws IOException {
    Path child = path.resolve(name.getFileName());
    try {
      // SecureDirectoryStream has no mkdirat; mkdir never follows a link at its last component, and
      // the directory is then opened relative to this handle, so nothing is used through a swap.
      Files.createDirectory(child);
    } catch (FileAlreadyExistsException e) {
      // created by someone else meanwhile: fine if it is a directory, checked by child()
    }
    return child(name);
  }

  void deleteFile(Path name) throws IOException {
    sds.deleteFile(name.getFileName());
  }

  void deleteDirectory(Path name) throws IOException {
    sds.deleteDirectory(name.getFileName());
  }

  /** Renames an entry of this directory into {@code target} (a {@code renameat}, no copy). */
  void moveTo(Path name, VerifiedDir target, Path targetName) throws IOException {
    sds.move(name.getFileName(), target.sds, targetName.getFileName());
  }

  /** Reads a whole (small) regular file into memory, refusing more than {@code maxBytes}. */
  byte[] readAll(Path name, String userPath, long maxBytes) throws IOException {
    try (FileChannel ch = openRead(name, userPath)) {
      long size = ch.size();
      if (size > maxBytes) {
        throw new ToolException(
            ToolException.Kind.TOO_LARGE,
            userPath
                + " is "
                + size
                + " bytes, over the "
                + maxBytes
                + "-byte limit for this tool.");
      }
      ByteBuffer buf = ByteBuffer.allocate((int) size);
      while (buf.hasRemaining() && ch.read(buf) > 0) {
        // a file that shrank while read yields what is there
      }
      byte[] out = new byte[buf.position()];
      buf.flip().get(out);
      return out;
    }
  }

  @Override
  public Iterator<Path> iterator() {
    return sds.iterator();
  }

  @Override
  public void close() throws IOException {
    sds.close();
  }

  private static ToolException swapped(Path where, FileSystemException e) {
    return new ToolException(
        ToolException.Kind.CONFLICT,
        where
            + " changed while being accessed (a symbolic link or another kind of file appeared"
            + " in its place); it was not followed. Retry if the change was expected.");
  }
}

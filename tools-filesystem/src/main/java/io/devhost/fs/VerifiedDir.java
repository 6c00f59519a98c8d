package io.devhost.fs;

import io.devhost.core.ToolException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An open directory that was reached from an allowed root one component at a time, never following
 * a symbolic link; every operation on an entry goes through it. Two kinds exist: {@link SecureDir}
 * holds a directory handle and works relative to it (race-free), {@link PortableDir} holds a
 * verified path and re-checks identities around each operation (for JDKs without {@code
 * SecureDirectoryStream}). docs/security.md states what each guarantees.
 *
 * <p>Both refuse to open a regular file that has more than one hard link unless allowed: another
 * name of the same file may lie outside the roots, and no path check can see it.
 *
 * <p>Entry names are single components ({@link Path#getFileName()}), kept as {@link Path} so names
 * that are not valid UTF-8 keep their bytes.
 */
abstract sealed class VerifiedDir implements Closeable, Iterable<Path>
    permits SecureDir, PortableDir {

  static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  private final Path path;
  private final boolean allowHardLinks;

  VerifiedDir(Path path, boolean allowHardLinks) {
    this.path = path;
    this.allowHardLinks = allowHardLinks;
  }

  /** The real path of this directory as it was verified (for messages and results). */
  final Path path() {
    return path;
  }

  final boolean allowHardLinks() {
    return allowHardLinks;
  }

  /** Opens a subdirectory; a symlink or a non-directory in its place is refused. */
  abstract VerifiedDir child(Path name) throws IOException;

  /** The attributes of an entry itself (a link is reported as a link), or null if it is gone. */
  abstract BasicFileAttributes attributes(Path name);

  /** POSIX attributes of an entry itself, or null where the file system has none. */
  abstract PosixFileAttributes posixAttributes(Path name);

  /** Opens the regular file whose attributes were checked, refusing anything else in its place. */
  abstract FileChannel open(Path name, BasicFileAttributes checked) throws IOException;

  /** Writes the contents of a new version of a file; called with the temp file's channel. */
  @FunctionalInterface
  interface ContentWriter {
    void write(FileChannel out) throws IOException;
  }

  /**
   * Replaces (or creates) {@code name} atomically: the content goes to a temp file in this very
   * directory, is flushed to disk, and is renamed over the target. A failure at any point leaves
   * the old file as it was and removes the temp file.
   *
   * @param mode permissions of the new file; null keeps those of the file replaced, or the default
   */
  abstract void writeAtomically(Path name, Set<PosixFilePermission> mode, ContentWriter content)
      throws IOException;

  /** Creates a subdirectory and opens it without following links. */
  abstract VerifiedDir createChild(Path name) throws IOException;

  abstract void deleteFile(Path name) throws IOException;

  abstract void deleteDirectory(Path name) throws IOException;

  /** Renames an entry of this directory into {@code target}, which is of the same kind. */
  abstract void rename(Path name, VerifiedDir target, Path targetName) throws IOException;

  /**
   * Opens a regular file for reading. Its type is checked first, so a FIFO (which would block the
   * open) or a device is refused; the open itself does not follow links.
   */
  final FileChannel openRead(Path name, String userPath) throws IOException {
    BasicFileAttributes attrs = attributes(name);
    if (attrs == null) {
      throw ToolException.notFound("No such file: " + userPath);
    }
    requireRegular(attrs, userPath);
    return openRegular(name, attrs, userPath);
  }

  /** Opens an entry whose attributes the caller just read and found to be a regular file. */
  final FileChannel openRegular(Path name, BasicFileAttributes checked, String userPath)
      throws IOException {
    requireSingleLink(name, checked, userPath);
    return open(name, checked);
  }

  /** Renames an entry into {@code target}; a regular file with other hard links is refused. */
  final void moveTo(Path name, VerifiedDir target, Path targetName, String userPath)
      throws IOException {
    BasicFileAttributes attrs = attributes(name);
    if (attrs != null && attrs.isRegularFile()) {
      requireSingleLink(name, attrs, userPath);
    }
    rename(name, target, targetName);
  }

  /** Reads a whole (small) regular file into memory, refusing more than {@code maxBytes}. */
  final byte[] readAll(Path name, String userPath, long maxBytes) throws IOException {
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

  /**
   * Refuses a regular file with more than one hard link. The count is read by path and trusted only
   * when that path still names the file whose attributes were checked.
   */
  private void requireSingleLink(Path name, BasicFileAttributes checked, String userPath)
      throws IOException {
    if (allowHardLinks || !HardLinks.COUNTED || !checked.isRegularFile()) {
      return;
    }
    Path file = path.resolve(name.getFileName());
    Map<String, Object> attrs = HardLinks.read(file);
    if (!Objects.equals(attrs.get("fileKey"), checked.fileKey())) {
      throw swapped(file);
    }
    int links = HardLinks.count(attrs);
    if (links > 1) {
      throw HardLinks.refusal(userPath, links);
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

  /** Opening {@code where} found something other than what was checked; nothing was used. */
  static ToolException swapped(Path where) {
    return new ToolException(
        ToolException.Kind.CONFLICT,
        where
            + " changed while being accessed (a symbolic link or another file appeared"
            + " in its place); it was not followed. Retry if the change was expected.");
  }
}

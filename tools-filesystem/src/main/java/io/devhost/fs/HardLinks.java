package io.devhost.fs;

import io.devhost.core.ToolException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * Regular files with more than one hard link: another name of such a file may lie outside every
 * root, and no path check can see it, so their content is refused unless hard links are allowed.
 * Link counts come from the JDK's {@code unix} attribute view; where it has none (Windows) no file
 * is refused, as docs/security.md says.
 */
final class HardLinks {

  static final boolean COUNTED =
      FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

  private HardLinks() {}

  /** The link count and file key of the entry itself (a link is not followed). */
  static Map<String, Object> read(Path file) throws IOException {
    return Files.readAttributes(
        file, "unix:nlink,fileKey,isRegularFile", LinkOption.NOFOLLOW_LINKS);
  }

  static int count(Map<String, Object> attrs) {
    return ((Number) attrs.get("nlink")).intValue();
  }

  /** The refusal, in words a user or a model can act on. */
  static ToolException refusal(String userPath, int links) {
    return ToolException.denied("Access denied: " + userPath + " " + reason(links));
  }

  static String reason(int links) {
    return "has "
        + links
        + " hard links, so the same file may also lie outside the allowed directories; the file"
        + " and git tools do not read, edit, copy, move, stage or serve such files. Start DevHost"
        + " with --allow-hard-links if the hard links in these directories are trusted.";
  }
}

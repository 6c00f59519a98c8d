package io.devhost.pg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A libpq password file ({@code ~/.pgpass} or {@code PGPASSFILE}), read as libpq reads it: lines of
 * {@code host:port:database:user:password}, {@code *} matching anything in the first four fields,
 * {@code \:} and {@code \\} escapes, {@code #} comment lines, the first matching line wins. A file
 * that its group or others can read is ignored with a warning, as libpq does on POSIX systems.
 */
final class PgPass {

  private static final Logger LOG = LoggerFactory.getLogger(PgPass.class);

  private static final EnumSet<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private PgPass() {}

  /**
   * The password for a connection, if the file has a line for it.
   *
   * @param host the host name as given, or a socket directory, matched as {@code localhost}
   */
  static Optional<String> lookup(Path file, String host, int port, String database, String user) {
    if (file == null || user == null || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    if (!privateToOwner(file)) {
      LOG.warn(
          "password file {} has group or world access and is ignored; permissions should be"
              + " u=rw (0600) or less",
          file);
      return Optional.empty();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      LOG.warn("password file {} cannot be read: {}", file, e.getMessage());
      return Optional.empty();
    }
    String hostToMatch =
        host == null || host.isEmpty() || host.startsWith("/") ? "localhost" : host;
    String[] wanted = {hostToMatch, String.valueOf(port), database, user};
    for (String line : lines) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      var fields = fields(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
      if (fields.size() < 5) {
        continue;
      }
      boolean matches = true;
      for (int i = 0; i < 4 && matches; i++) {
        matches = fields.get(i) == null || fields.get(i).equals(wanted[i]);
      }
      if (matches) {
        return Optional.of(fields.get(4));
      }
    }
    return Optional.empty();
  }

  /**
   * The four key fields and the password (the rest of the line), unescaped; a field written as a
   * bare {@code *} is null, the wildcard (an escaped {@code \\*} is a literal star, as in libpq).
   */
  private static List<String> fields(String line) {
    var fields = new ArrayList<String>();
    var field = new StringBuilder();
    boolean escaped = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        field.append(line.charAt(++i));
        escaped = true;
      } else if (c == ':' && fields.size() < 4) {
        fields.add(!escaped && field.toString().equals("*") ? null : field.toString());
        field.setLength(0);
        escaped = false;
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  private static boolean privateToOwner(Path file) {
    try {
      var permissions = Files.getPosixFilePermissions(file);
      permissions.retainAll(GROUP_OR_OTHERS);
      return permissions.isEmpty();
    } catch (UnsupportedOperationException e) {
      return true; // no POSIX permissions (Windows): libpq does not check there either
    } catch (IOException e) {
      return false;
    }
  }
}

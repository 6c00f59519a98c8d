package io.devhost.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgPassTest {

  @TempDir Path dir;

  private Path file(String content, String permissions) throws Exception {
    Path file = dir.resolve("pgpass");
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  @Test
  void theFirstMatchingLineWinsAndStarsMatchAnything() throws Exception {
    Path file =
        file(
            "# comment\n"
                + "db1:5432:shop:app:first\n"
                + "*:5432:shop:app:second\n"
                + "*:*:*:*:fallback\n",
            "rw-------");
    assertThat(PgPass.lookup(file, "db1", 5432, "shop", "app")).contains("first");
    assertThat(PgPass.lookup(file, "db2", 5432, "shop", "app")).contains("second");
    assertThat(PgPass.lookup(file, "db2", 5433, "shop", "app")).contains("fallback");
  }

  @Test
  void escapedColonsAndBackslashesAreLiteralAndAnEscapedStarIsNoWildcard() throws Exception {
    Path file =
        file("h:5432:we\\:ird\\\\db:app:pa\\:ss\\\\word\n\\*:5432:x:app:star\n", "rw-------");
    assertThat(PgPass.lookup(file, "h", 5432, "we:ird\\db", "app")).contains("pa:ss\\word");
    assertThat(PgPass.lookup(file, "other", 5432, "x", "app")).isEmpty();
    assertThat(PgPass.lookup(file, "*", 5432, "x", "app")).contains("star");
  }

  @Test
  void aSocketOrDefaultHostMatchesLocalhost() throws Exception {
    Path file = file("localhost:5432:shop:app:local\r\n", "rw-------");
    assertThat(PgPass.lookup(file, "", 5432, "shop", "app")).contains("local");
    assertThat(PgPass.lookup(file, "/var/run/postgresql", 5432, "shop", "app")).contains("local");
  }

  @Test
  void aFileOthersCanReadIsIgnored() throws Exception {
    Path file = file("*:*:*:*:secret\n", "rw-r--r--");
    assertThat(PgPass.lookup(file, "h", 5432, "shop", "app")).isEmpty();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(PgPass.lookup(file, "h", 5432, "shop", "app")).contains("secret");
  }

  @Test
  void aMissingFileOrDirectoryIsNoPassword() {
    assertThat(PgPass.lookup(dir.resolve("none"), "h", 5432, "shop", "app")).isEmpty();
    assertThat(PgPass.lookup(dir, "h", 5432, "shop", "app")).isEmpty();
  }
}

package io.devhost.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The containment rule as a table: roots {@code /srv/app}, {@code /srv/app/vendor} (nested) and
 * {@code /data}. Symlinks are given as the paths they resolve to, since the rule sees only resolved
 * paths. Each row: the resolved path, the root that holds it (empty: none), the relative path below
 * it.
 */
class RootContainmentTest {

  private static final List<Path> ROOTS =
      List.of(Path.of("/srv/app"), Path.of("/srv/app/vendor"), Path.of("/data"));

  @ParameterizedTest(name = "{0} -> [{1}] {2}")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      nullValues = "NONE",
      textBlock =
          """
          # the roots themselves and plain children
          /srv/app                          | /srv/app        |
          /srv/app/                         | /srv/app        |
          /srv/app/src/Main.java            | /srv/app        | src/Main.java
          /data/x.csv                       | /data           | x.csv
          # nested roots: the most specific wins
          /srv/app/vendor                   | /srv/app/vendor |
          /srv/app/vendor/lib/a.js          | /srv/app/vendor | lib/a.js
          /srv/app/vendorx/a.js             | /srv/app        | vendorx/a.js
          # a prefix that is not a component boundary (CVE-2025-53110)
          /srv/app-evil/x                   | NONE            |
          /srv/ap                           | NONE            |
          /srv/application                  | NONE            |
          /database                         | NONE            |
          # parents, siblings and the file-system root
          /srv                              | NONE            |
          /                                 | NONE            |
          /etc/shadow                       | NONE            |
          # dot-dot: judged after normalising, never textually
          /srv/app/../app-evil/x            | NONE            |
          /srv/app/src/../../app/ok         | /srv/app        | ok
          /srv/app/..                       | NONE            |
          /srv/app/../../etc/passwd         | NONE            |
          /data/../srv/app/a                | /srv/app        | a
          /srv/app/./src/./A.java           | /srv/app        | src/A.java
          /srv/app/vendor/../README.md      | /srv/app        | README.md
          # relative paths are never inside: only resolved, absolute paths are judged
          srv/app/x                         | NONE            |
          ./srv/app                         | NONE            |
          ../srv/app                        | NONE            |
          ''                                | NONE            |
          # a symlink inside a root, given by what it resolves to (CVE-2025-53109)
          /etc/passwd                       | NONE            |
          /srv/app/docs/real.md             | /srv/app        | docs/real.md
          # case is significant where the platform's paths are (Linux)
          /SRV/APP/x                        | NONE            |
          /srv/App/x                        | NONE            |
          /Data                             | NONE            |
          # Unicode is compared code point by code point, as the file system stores it
          /srv/app/ünïcödé/文件.txt          | /srv/app        | ünïcödé/文件.txt
          /srv/a\u0301pp/x                  | NONE            |
          /dätä/x                           | NONE            |
          # a backslash is a character of a name on Linux, not a separator
          /srv/app/..\\..\\etc\\passwd      | /srv/app        | ..\\..\\etc\\passwd
          /srv/app\\..\\etc                 | NONE            |
          C:\\srv\\app\\x                   | NONE            |
          """)
  void decidesContainmentByResolvedComponents(String path, String root, String relative) {
    var inside = RootContainment.locate(ROOTS, Path.of(path));
    if (root == null) {
      assertThat(inside).as(path).isEmpty();
    } else {
      assertThat(inside)
          .as(path)
          .contains(
              new RootContainment.Inside(Path.of(root), Path.of(relative == null ? "" : relative)));
    }
  }

  @ParameterizedTest(name = "a name of {0} characters")
  @CsvSource({"1", "255", "4000", "100000"})
  void veryLongNamesAreJudgedLikeShortOnes(int length) {
    String name = "n".repeat(length);
    assertThat(RootContainment.locate(ROOTS, Path.of("/srv/app", name)))
        .contains(new RootContainment.Inside(Path.of("/srv/app"), Path.of(name)));
    assertThat(RootContainment.locate(ROOTS, Path.of("/srv/app" + name))).isEmpty();
    assertThat(RootContainment.locate(ROOTS, Path.of("/srv/app", name, "..", "..", "x"))).isEmpty();
  }

  @ParameterizedTest(name = "roots {0}")
  @CsvSource({"''", "relative/root"})
  void noRootsOrOnlyRelativeRootsHoldNothing(String root) {
    List<Path> roots = root.isEmpty() ? List.of() : List.of(Path.of(root));
    assertThat(RootContainment.locate(roots, Path.of("/relative/root/x"))).isEmpty();
    assertThat(RootContainment.locate(roots, Path.of(System.getProperty("user.dir"))))
        .isEqualTo(Optional.empty());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/", "/anything/at/all", "/srv/app/.."})
  void theFileSystemRootAsARootHoldsEveryAbsolutePath(String path) {
    var inside = RootContainment.locate(List.of(Path.of("/")), Path.of(path));
    assertThat(inside).isPresent();
    assertThat(inside.get().root()).isEqualTo(Path.of("/"));
  }
}

package io.devhost.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteToolsTest {

  @TempDir Path root;
  FsFixture fs;

  @BeforeEach
  void setUp() {
    fs = new FsFixture(root);
  }

  @Test
  void writeCreatesReplacesAndLeavesNoTempFiles() throws Exception {
    var created =
        fs.ok("write_file", Map.of("path", "a/b/c.txt", "content", "one", "createParents", true));
    assertThat(created.get("created")).isEqualTo(true);
    fs.ok("write_file", Map.of("path", "a/b/c.txt", "content", "two"));

    assertThat(Files.readString(root.resolve("a/b/c.txt"))).isEqualTo("two");
    try (var files = Files.list(root.resolve("a/b"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("c.txt");
    }
  }

  @Test
  void writeWithoutParentsNamesTheFix() {
    assertThat(fs.error("write_file", Map.of("path", "x/y.txt", "content", "1")))
        .contains("createParents=true");
  }

  @Test
  void staleExpectedSha256IsRefusedAndTheFileKept() throws Exception {
    fs.ok("write_file", Map.of("path", "f.txt", "content", "v1"));
    String sha = (String) fs.ok("get_file_info", Map.of("path", "f.txt")).get("sha256");
    Files.writeString(root.resolve("f.txt"), "changed by someone else");

    assertThat(
            fs.error("write_file", Map.of("path", "f.txt", "content", "v2", "expectedSha256", sha)))
        .contains("changed since it was read");
    assertThat(Files.readString(root.resolve("f.txt"))).isEqualTo("changed by someone else");
    String now = (String) fs.ok("get_file_info", Map.of("path", "f.txt")).get("sha256");
    fs.ok("write_file", Map.of("path", "f.txt", "content", "v2", "expectedSha256", now));
    assertThat(Files.readString(root.resolve("f.txt"))).isEqualTo("v2");
  }

  @Test
  void fiftyMegabyteWriteIsRefusedCleanlyAndOldContentStays() throws Exception {
    Files.writeString(root.resolve("big.txt"), "old");
    String huge = "x".repeat(50 * 1024 * 1024);

    assertThat(fs.error("write_file", Map.of("path", "big.txt", "content", huge)))
        .contains("limit is");
    assertThat(Files.readString(root.resolve("big.txt"))).isEqualTo("old");
  }

  @Test
  void editReplacesExactlyAndReturnsADiff() throws Exception {
    Files.writeString(root.resolve("A.java"), "class A {\n  int x = 1;\n}\n");
    var out =
        fs.ok(
            "edit_file",
            Map.of(
                "path",
                "A.java",
                "edits",
                List.of(Map.of("oldText", "int x = 1;", "newText", "int x = 2;"))));

    assertThat(Files.readString(root.resolve("A.java"))).isEqualTo("class A {\n  int x = 2;\n}\n");
    assertThat((String) out.get("diff"))
        .contains("-  int x = 1;")
        .contains("+  int x = 2;")
        .startsWith("--- a/A.java");
  }

  @Test
  void editMatchesIgnoringIndentationAndKeepsTheFilesIndentation() throws Exception {
    Files.writeString(
        root.resolve("B.java"), "class B {\n    void f() {\n        call();\n    }\n}\n");
    fs.ok(
        "edit_file",
        Map.of(
            "path",
            "B.java",
            "edits",
            List.of(
                Map.of(
                    "oldText",
                    "void f() {\n    call();\n}",
                    "newText",
                    "void f() {\n    call();\n    more();\n}"))));

    assertThat(Files.readString(root.resolve("B.java")))
        .isEqualTo("class B {\n    void f() {\n        call();\n        more();\n    }\n}\n");
  }

  @Test
  void aFailedEditAmongSeveralChangesNothing() throws Exception {
    Files.writeString(root.resolve("C.txt"), "a\nb\na\n");
    String err =
        fs.error(
            "edit_file",
            Map.of(
                "path",
                "C.txt",
                "edits",
                List.of(
                    Map.of("oldText", "b", "newText", "B"),
                    Map.of("oldText", "a", "newText", "A"))));

    assertThat(err).contains("occurs 2 times").contains("expectedReplacements=2");
    assertThat(Files.readString(root.resolve("C.txt"))).isEqualTo("a\nb\na\n");
    fs.ok(
        "edit_file",
        Map.of(
            "path",
            "C.txt",
            "edits",
            List.of(Map.of("oldText", "a", "newText", "A", "expectedReplacements", 2))));
    assertThat(Files.readString(root.resolve("C.txt"))).isEqualTo("A\nb\nA\n");
  }

  @Test
  void dryRunReturnsTheDiffAndChangesNothing() throws Exception {
    Files.writeString(root.resolve("D.txt"), "hello\n");
    var out =
        fs.ok(
            "edit_file",
            Map.of(
                "path",
                "D.txt",
                "dryRun",
                true,
                "edits",
                List.of(Map.of("oldText", "hello", "newText", "bye"))));

    assertThat(out.get("applied")).isEqualTo(false);
    assertThat((String) out.get("diff")).contains("-hello").contains("+bye");
    assertThat(Files.readString(root.resolve("D.txt"))).isEqualTo("hello\n");
  }

  @Test
  void appendAddsAtTheEnd() throws Exception {
    Files.writeString(root.resolve("log.txt"), "1\n");
    fs.ok("append_file", Map.of("path", "log.txt", "content", "2\n"));
    assertThat(Files.readString(root.resolve("log.txt"))).isEqualTo("1\n2\n");
  }

  @Test
  void copyAndMoveRefuseToOverwriteUnlessAsked() throws Exception {
    Files.writeString(root.resolve("src.txt"), "S");
    Files.writeString(root.resolve("dst.txt"), "D");

    assertThat(fs.error("copy_file", Map.of("source", "src.txt", "destination", "dst.txt")))
        .contains("overwrite=true");
    assertThat(fs.error("move_file", Map.of("source", "src.txt", "destination", "dst.txt")))
        .contains("overwrite=true");
    assertThat(Files.readString(root.resolve("dst.txt"))).isEqualTo("D");

    fs.ok(
        "copy_file",
        Map.of("source", "src.txt", "destination", "copy/c.txt", "createParents", true));
    assertThat(Files.readString(root.resolve("copy/c.txt"))).isEqualTo("S");
    fs.ok("move_file", Map.of("source", "src.txt", "destination", "dst.txt", "overwrite", true));
    assertThat(root.resolve("src.txt")).doesNotExist();
    assertThat(Files.readString(root.resolve("dst.txt"))).isEqualTo("S");
  }

  @Test
  void deleteNeedsRecursiveForANonEmptyDirectory() throws Exception {
    Files.createDirectories(root.resolve("d/e"));
    Files.writeString(root.resolve("d/e/f.txt"), "f");

    assertThat(fs.error("delete_file", Map.of("path", "d"))).contains("recursive=true");
    var out = fs.ok("delete_file", Map.of("path", "d", "recursive", true));
    assertThat(out.get("files")).isEqualTo(1L);
    assertThat(root.resolve("d")).doesNotExist();
    assertThat(fs.error("delete_file", Map.of("path", "."))).contains("allowed root");
  }

  @Test
  void createDirectoryIsIdempotent() {
    assertThat(fs.ok("create_directory", Map.of("path", "p/q")).get("created")).isEqualTo(true);
    assertThat(fs.ok("create_directory", Map.of("path", "p/q")).get("created")).isEqualTo(false);
  }

  @Test
  void deleteRemovesALinkNotItsTarget() throws Exception {
    Path outside = Files.createTempDirectory("outside");
    Files.writeString(outside.resolve("keep.txt"), "keep");
    Files.createSymbolicLink(root.resolve("link"), outside);
    try {
      assertThat(fs.error("delete_file", Map.of("path", "link", "recursive", true)))
          .contains("Access denied");
      assertThat(outside.resolve("keep.txt")).exists();
    } finally {
      Files.delete(outside.resolve("keep.txt"));
      Files.delete(outside);
    }
  }
}

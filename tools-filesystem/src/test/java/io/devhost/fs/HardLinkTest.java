package io.devhost.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.core.ToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A hard link inside a root is another name of a file that may lie outside it; no path check can
 * see that. Such files are refused by every tool that would read, change, copy, move or serve their
 * content, in both sandbox kinds, unless hard links are allowed.
 */
@ParameterizedClass
@EnumSource(Sandbox.Kind.class)
class HardLinkTest {

  @Parameter Sandbox.Kind kind;
  @TempDir Path tmp;
  Path root;
  Path secret;
  FsFixture fs;

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectory(tmp.resolve("root"));
    Path outside = Files.createDirectory(tmp.resolve("outside"));
    secret = Files.writeString(outside.resolve("secret.txt"), "OUTSIDE-SECRET\n");
    Files.createLink(root.resolve("linked.txt"), secret);
    Files.writeString(root.resolve("plain.txt"), "inside\n");
    fs = new FsFixture(root, kind);
  }

  @Test
  void readingAHardLinkedFileIsRefusedNamingTheFlag() {
    assertThat(fs.error("read_text_file", Map.of("path", "linked.txt")))
        .contains("has 2 hard links")
        .contains("--allow-hard-links")
        .doesNotContain("OUTSIDE-SECRET");
  }

  @Test
  void readingItAsMediaIsRefused() throws Exception {
    Files.createLink(root.resolve("linked.png"), secret);

    assertThat(fs.error("read_media_file", Map.of("path", "linked.png"))).contains("hard links");
  }

  @Test
  void readMultipleFilesReportsTheLinkedFileAsAnErrorAndReadsTheRest() {
    var out = fs.ok("read_multiple_files", Map.of("paths", List.of("linked.txt", "plain.txt")));

    assertThat(out.toString()).doesNotContain("OUTSIDE-SECRET").contains("hard links");
    assertThat(out.toString()).contains("inside");
  }

  @Test
  void editAndItsDryRunDiffNeverShowOrChangeTheOutsideContent() throws Exception {
    var edit = List.of(Map.of("oldText", "OUTSIDE", "newText", "CHANGED"));

    var dry = fs.call("edit_file", Map.of("path", "linked.txt", "edits", edit, "dryRun", true));
    assertThat(dry.isError()).isTrue();
    assertThat(dry.result().toString()).doesNotContain("OUTSIDE-SECRET").contains("hard links");
    assertThat(fs.error("edit_file", Map.of("path", "linked.txt", "edits", edit)))
        .contains("hard links");
    assertThat(fs.error("append_file", Map.of("path", "linked.txt", "content", "more")))
        .contains("hard links");
    assertThat(Files.readString(secret)).isEqualTo("OUTSIDE-SECRET\n");
  }

  @Test
  void copyAndMoveRefuseAndLeaveEverythingInPlace() {
    assertThat(fs.error("copy_file", Map.of("source", "linked.txt", "destination", "copy.txt")))
        .contains("hard links");
    assertThat(fs.error("move_file", Map.of("source", "linked.txt", "destination", "moved.txt")))
        .contains("hard links");

    assertThat(root.resolve("copy.txt")).doesNotExist();
    assertThat(root.resolve("moved.txt")).doesNotExist();
    assertThat(root.resolve("linked.txt")).exists();
  }

  @Test
  void searchContentSkipsTheLinkedFile() {
    var secretHits = fs.ok("search_content", Map.of("pattern", "SECRET"));
    var insideHits = fs.ok("search_content", Map.of("pattern", "inside"));

    assertThat((List<?>) secretHits.get("matches")).isEmpty();
    assertThat(insideHits.get("matches").toString()).contains("plain.txt");
  }

  @Test
  void aResourceReadIsRefused() throws Exception {
    var template = fs.toolset.resourceTemplates().get(0);
    Files.createLink(root.resolve("linked.png"), secret);
    String uri = root.resolve("linked.txt").toRealPath().toUri().toString();
    String image = root.resolve("linked.png").toRealPath().toUri().toString();
    try {
      assertThatThrownBy(() -> template.reader().apply(uri))
          .isInstanceOf(ToolException.class)
          .hasMessageContaining("hard links")
          .hasMessageNotContaining("OUTSIDE-SECRET");
      assertThatThrownBy(() -> template.reader().apply(image))
          .isInstanceOf(ToolException.class)
          .hasMessageContaining("hard links");
    } finally {
      fs.toolset.close();
    }
  }

  @Test
  void overwritingIsRefusedButDeletingRemovesOnlyTheNameInside() throws Exception {
    assertThat(fs.error("write_file", Map.of("path", "linked.txt", "content", "replaced")))
        .contains("hard links");
    fs.ok("delete_file", Map.of("path", "linked.txt"));

    assertThat(root.resolve("linked.txt")).doesNotExist();
    assertThat(Files.readString(secret)).isEqualTo("OUTSIDE-SECRET\n");
  }

  @Test
  void withHardLinksAllowedTheToolsUseThem() throws Exception {
    var allowing =
        new FsFixture(
            root, Sandbox.builder().kind(kind).roots(List.of(root)).allowHardLinks(true).build());

    assertThat(allowing.ok("read_text_file", Map.of("path", "linked.txt")).get("content"))
        .isEqualTo("OUTSIDE-SECRET");
    allowing.ok("copy_file", Map.of("source", "linked.txt", "destination", "copy.txt"));
    assertThat(Files.readString(root.resolve("copy.txt"))).isEqualTo("OUTSIDE-SECRET\n");
    var hits = allowing.ok("search_content", Map.of("pattern", "SECRET"));
    assertThat(hits.get("matches").toString()).contains("linked.txt");
  }

  @Test
  void aSingleLinkFileIsReadAsUsual() {
    assertThat(fs.ok("read_text_file", Map.of("path", "plain.txt")).get("content"))
        .isEqualTo("inside");
  }
}

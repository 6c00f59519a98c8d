package io.devhost.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ReadToolsTest {

  @TempDir Path root;
  FsFixture fs;

  @BeforeEach
  void setUp() throws Exception {
    fs = new FsFixture(root);
    var sb = new StringBuilder();
    for (int i = 1; i <= 100; i++) {
      sb.append("line ").append(i).append('\n');
    }
    Files.writeString(root.resolve("lines.txt"), sb);
  }

  @Test
  void headTailAndRanges() {
    assertThat(fs.ok("read_text_file", Map.of("path", "lines.txt", "head", 2)).get("content"))
        .isEqualTo("line 1\nline 2");
    assertThat(fs.ok("read_text_file", Map.of("path", "lines.txt", "tail", 2)).get("content"))
        .isEqualTo("line 99\nline 100");
    var range =
        fs.ok(
            "read_text_file",
            Map.of("path", "lines.txt", "offset", 10, "limit", 2, "lineNumbers", true));
    assertThat(range.get("content")).isEqualTo("10\tline 10\n11\tline 11");
    assertThat(range.get("nextOffset")).isEqualTo(12);
  }

  @Test
  void byteCapTruncatesAndSaysWhereToContinue() {
    var first = fs.ok("read_text_file", Map.of("path", "lines.txt", "maxBytes", 21));
    assertThat(first.get("truncated")).isEqualTo(true);
    assertThat(first.get("content")).isEqualTo("line 1\nline 2\nline 3");
    var next =
        fs.ok(
            "read_text_file",
            Map.of("path", "lines.txt", "offset", first.get("nextOffset"), "maxBytes", 21));
    assertThat((String) next.get("content")).startsWith("line 4");
  }

  @Test
  void legacyAndBomEncodingsAreDecodedAndReported() throws Exception {
    Files.write(root.resolve("latin.txt"), "café".getBytes(Charset.forName("windows-1252")));
    Files.write(root.resolve("utf16.txt"), "\uFEFFhello".getBytes(StandardCharsets.UTF_16LE));

    var latin = fs.ok("read_text_file", Map.of("path", "latin.txt"));
    assertThat(latin.get("content")).isEqualTo("café");
    assertThat(latin.get("encoding")).isEqualTo("windows-1252");
    var utf16 = fs.ok("read_text_file", Map.of("path", "utf16.txt"));
    assertThat(utf16.get("content")).isEqualTo("hello");
    assertThat(utf16.get("encoding")).isEqualTo("UTF-16LE");
    assertThat(
            fs.ok("read_text_file", Map.of("path", "latin.txt", "encoding", "ISO-8859-1"))
                .get("content"))
        .isEqualTo("café");
  }

  @Test
  void binaryFilesAreRefusedWithAHint() throws Exception {
    Files.write(root.resolve("bin.dat"), new byte[] {1, 0, 2, 0});
    assertThat(fs.error("read_text_file", Map.of("path", "bin.dat")))
        .contains("looks binary")
        .contains("read_media_file");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void fifoIsRefusedWithoutHanging() throws Exception {
    assertThat(new ProcessBuilder("mkfifo", root.resolve("pipe").toString()).start().waitFor())
        .isZero();

    assertThat(fs.error("read_text_file", Map.of("path", "pipe"))).contains("not a regular file");
    assertThat(fs.error("read_media_file", Map.of("path", "pipe"))).isNotBlank();
    var multi = fs.ok("read_multiple_files", Map.of("paths", List.of("pipe")));
    assertThat(multi.toString()).contains("not a regular file");
    assertThat(fs.ok("search_content", Map.of("pattern", "x")).get("matches")).isEqualTo(List.of());
  }

  @Test
  void oneBadPathDoesNotFailTheOthers() {
    var out =
        fs.ok(
            "read_multiple_files",
            Map.of("paths", List.of("lines.txt", "missing.txt", "/etc/passwd")));
    var files = (List<?>) out.get("files");
    assertThat(files).hasSize(3);
    assertThat(files.get(0).toString()).contains("line 1");
    assertThat(files.get(1).toString()).contains("No such file");
    assertThat(files.get(2).toString()).contains("Access denied");
  }

  @Test
  void mediaFilesComeBackAsImageContentWithTheirMimeType() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
    Files.write(root.resolve("pic.png"), png);

    var outcome = fs.call("read_media_file", Map.of("path", "pic.png"));
    assertThat(outcome.isError()).isFalse();
    var image = (McpSchema.ImageContent) outcome.result().content().get(1);
    assertThat(image.mimeType()).isEqualTo("image/png");
    assertThat(java.util.Base64.getDecoder().decode(image.data())).isEqualTo(png);
    assertThat(outcome.result().structuredContent().toString()).doesNotContain(image.data());
    assertThat(fs.error("read_media_file", Map.of("path", "lines.txt")))
        .contains("not a known image or audio type");
  }

  @Test
  void listDirectoryHidesDotFilesUnlessAskedAndSortsBySize() throws Exception {
    Files.writeString(root.resolve(".hidden"), "h");
    Files.writeString(root.resolve("big.txt"), "x".repeat(5000));

    var plain = fs.ok("list_directory", Map.of("path", "."));
    assertThat(plain.get("entries").toString()).doesNotContain(".hidden");
    var all = fs.ok("list_directory", Map.of("path", ".", "includeHidden", true, "sortBy", "size"));
    var first = (Map<?, ?>) ((List<?>) all.get("entries")).get(0);
    assertThat(first.get("name")).isEqualTo("big.txt");
    assertThat(all.get("entries").toString()).contains(".hidden");
  }
}

package io.devhost.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.ToolContext;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchToolsTest {

  @TempDir Path root;
  FsFixture fs;

  @BeforeEach
  void setUp() throws Exception {
    fs = new FsFixture(root);
    Files.writeString(root.resolve(".gitignore"), "build/\n*.log\n");
    Files.createDirectories(root.resolve("src/main"));
    Files.createDirectories(root.resolve("build"));
    Files.writeString(
        root.resolve("src/main/App.java"), "class App {\n  // TODO one\n  void run() {}\n}\n");
    Files.writeString(root.resolve("src/main/Util.java"), "class Util {\n  // todo two\n}\n");
    Files.writeString(root.resolve("build/Gen.java"), "// TODO ignored\n");
    Files.writeString(root.resolve("debug.log"), "TODO ignored\n");
    Files.write(root.resolve("src/blob.bin"), new byte[] {'T', 'O', 'D', 'O', 0, 1});
  }

  @Test
  void literalSearchSkipsIgnoredAndBinaryFiles() {
    var out = fs.ok("search_content", Map.of("pattern", "TODO"));
    var matches = (List<?>) out.get("matches");
    assertThat(matches).hasSize(1);
    assertThat(matches.get(0).toString()).contains("App.java").contains("line=2");
  }

  @Test
  void caseInsensitiveRegexWithContextAndIncludes() {
    var out =
        fs.ok(
            "search_content",
            Map.of(
                "pattern",
                "to+do\\s+\\w+",
                "regex",
                true,
                "caseSensitive",
                false,
                "contextLines",
                1,
                "include",
                List.of("*.java")));
    var matches = (List<?>) out.get("matches");
    assertThat(matches).hasSize(2);
    assertThat(matches.get(0).toString())
        .contains("before=[class App {]")
        .contains("after=[  void run() {}]");
  }

  @Test
  void gitignoreCanBeTurnedOff() {
    var out = fs.ok("search_content", Map.of("pattern", "TODO", "respectGitignore", false));
    assertThat((List<?>) out.get("matches")).hasSize(3);
  }

  @Test
  void pagesCoverEveryMatchExactlyOnce() throws Exception {
    for (int f = 0; f < 7; f++) {
      Files.writeString(root.resolve("src/many" + f + ".txt"), "hit\nmiss\nhit\nhit\n");
    }
    var seen = new HashSet<String>();
    String cursor = null;
    int pages = 0;
    do {
      var args = new HashMap<String, Object>(Map.of("pattern", "hit", "maxMatches", 4));
      if (cursor != null) {
        args.put("cursor", cursor);
      }
      var out = fs.ok("search_content", args);
      for (Object m : (List<?>) out.get("matches")) {
        var match = (Map<?, ?>) m;
        assertThat(seen.add(match.get("path") + ":" + match.get("line"))).isTrue();
      }
      cursor = (String) out.get("nextCursor");
      pages++;
    } while (cursor != null);
    assertThat(seen).hasSize(21);
    assertThat(pages).isEqualTo(6);
  }

  @Test
  void progressIsReportedAndCancellationStops() throws Exception {
    for (int i = 0; i < 600; i++) {
      Files.writeString(root.resolve("src/f" + i + ".txt"), "nothing\n");
    }
    var progress = new AtomicInteger();
    var ctx = context(progress, false);
    fs.call("search_content", Map.of("pattern", "zzz"), ctx);
    assertThat(progress.get()).isGreaterThan(1);

    var cancelled =
        fs.call("search_content", Map.of("pattern", "zzz"), context(new AtomicInteger(), true));
    assertThat(cancelled.isError()).isTrue();
    assertThat(FsFixture.text(cancelled.result())).contains("cancelled");
  }

  @Test
  void searchFilesByNameAndPathGlobWithPages() {
    var names = fs.ok("search_files", Map.of("pattern", "*.java"));
    assertThat(names.get("matches").toString())
        .contains("App.java")
        .contains("Util.java")
        .doesNotContain("Gen.java");
    var paths = fs.ok("search_files", Map.of("pattern", "src/**/A*.java"));
    assertThat((List<?>) paths.get("matches")).hasSize(1);

    var all = new ArrayList<Object>();
    String cursor = null;
    do {
      var args = new HashMap<String, Object>(Map.of("pattern", "*", "maxResults", 1));
      if (cursor != null) {
        args.put("cursor", cursor);
      }
      var out = fs.ok("search_files", args);
      all.addAll((List<?>) out.get("matches"));
      cursor = (String) out.get("nextCursor");
    } while (cursor != null);
    assertThat(all).hasSize(5).doesNotHaveDuplicates();
  }

  @Test
  void directoryTreeRespectsDepthIgnoresAndCap() {
    var tree = fs.ok("directory_tree", Map.of("path", "."));
    assertThat(tree.get("entries").toString())
        .contains("src/main/App.java")
        .doesNotContain("build")
        .doesNotContain("debug.log");
    var shallow = fs.ok("directory_tree", Map.of("maxDepth", 1));
    assertThat(shallow.get("entries").toString()).doesNotContain("main/");
    var capped = fs.ok("directory_tree", Map.of("maxEntries", 2));
    assertThat(capped.get("truncated")).isEqualTo(true);
    var excluded = fs.ok("directory_tree", Map.of("exclude", List.of("main")));
    assertThat(excluded.get("entries").toString()).doesNotContain("App.java");
  }

  private static ToolContext context(AtomicInteger progress, boolean cancelled) {
    return new ToolContext() {
      @Override
      public void progress(double done, Double total, String message) {
        progress.incrementAndGet();
      }

      @Override
      public boolean isCancelled() {
        return cancelled;
      }

      @Override
      public Optional<List<URI>> clientRoots() {
        return Optional.empty();
      }
    };
  }
}

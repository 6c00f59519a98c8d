package io.devhost.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.MergeResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("unchecked")
class GitReadToolsTest {

  @TempDir Path tmp;
  GitFixture repo;

  @BeforeEach
  void setUp() throws Exception {
    repo = new GitFixture(tmp);
  }

  @AfterEach
  void tearDown() {
    repo.close();
  }

  @Test
  void logFiltersByPathAndAuthorAndPagesWithACursor() throws Exception {
    for (int i = 0; i < 7; i++) {
      repo.write("src/a.txt", "a" + i + "\n").commit("a " + i);
      repo.write("docs/b.txt", "b" + i + "\n").commitAs("Bob", "bob@example.com", "b " + i);
    }
    var page1 = repo.call("git_log", Map.of("path", "src", "maxCount", 5));
    var commits = (List<Map<String, Object>>) page1.get("commits");
    assertThat(commits)
        .extracting(c -> c.get("subject"))
        .containsExactly("a 6", "a 5", "a 4", "a 3", "a 2");
    var page2 =
        repo.call(
            "git_log", Map.of("path", "src", "maxCount", 5, "cursor", page1.get("nextCursor")));
    assertThat((List<Map<String, Object>>) page2.get("commits"))
        .extracting(c -> c.get("subject"))
        .containsExactly("a 1", "a 0");
    assertThat(page2).doesNotContainKey("nextCursor");

    var bob = repo.call("git_log", Map.of("author", "bob@", "maxCount", 100));
    assertThat((List<Map<String, Object>>) bob.get("commits"))
        .hasSize(7)
        .allSatisfy(c -> assertThat(c.get("author")).isEqualTo("Bob"));
  }

  @Test
  void logWithFilesReportsRenamesAndLineCounts() throws Exception {
    repo.write("old.txt", "one\ntwo\nthree\nfour\nfive\n").commit("add");
    repo.git.rm().addFilepattern("old.txt").call();
    repo.write("new.txt", "one\ntwo\nthree\nfour\nfive\nsix\n").commit("rename");
    var out = repo.call("git_log", Map.of("maxCount", 1, "files", true));
    var files =
        (List<Map<String, Object>>)
            ((List<Map<String, Object>>) out.get("commits")).get(0).get("files");
    assertThat(files)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f)
                  .containsEntry("change", "renamed")
                  .containsEntry("path", "new.txt")
                  .containsEntry("oldPath", "old.txt");
              assertThat(f).containsEntry("additions", 1).containsEntry("deletions", 0);
            });
  }

  @Test
  void showOfAMergeDiffsAgainstTheFirstParent() throws Exception {
    repo.write("base.txt", "base\n").commit("base");
    repo.git.branchCreate().setName("topic").call();
    repo.git.checkout().setName("topic").call();
    repo.write("topic.txt", "topic\n").commit("topic work");
    repo.git.checkout().setName("main").call();
    repo.write("main.txt", "main\n").commit("main work");
    MergeResult merge =
        repo.git
            .merge()
            .include(repo.git.getRepository().resolve("topic"))
            .setFastForward(MergeCommand.FastForwardMode.NO_FF)
            .setMessage("Merge topic")
            .call();
    assertThat(merge.getMergeStatus().isSuccessful()).isTrue();

    var out = repo.call("git_show", Map.of());
    assertThat((Map<String, Object>) out.get("commit")).containsEntry("subject", "Merge topic");
    assertThat((List<String>) ((Map<String, Object>) out.get("commit")).get("parents")).hasSize(2);
    assertThat((List<Map<String, Object>>) out.get("files"))
        .extracting(f -> f.get("path"))
        .containsExactly("topic.txt");
    assertThat((String) out.get("patch")).contains("+topic");
  }

  @Test
  void binaryFilesAreMarkedAndNotPrinted() throws Exception {
    repo.write("a.txt", "a\n").commit("first");
    repo.writeBytes("img.bin", new byte[] {0, 1, 2, 3, 0, (byte) 0xff}).commit("binary");
    var out = repo.call("git_show", Map.of());
    assertThat((List<Map<String, Object>>) out.get("files"))
        .singleElement()
        .satisfies(f -> assertThat(f).containsEntry("binary", true).doesNotContainKey("additions"));
    assertThat((String) out.get("patch")).contains("Binary files differ");
    var read = repo.run("git_read_file", Map.of("path", "img.bin"));
    assertThat(read.isError()).isTrue();
    assertThat(GitFixture.text(read)).contains("binary");
  }

  @Test
  void aLargeDiffComesInPagesThatAddUpToTheWholePatch() throws Exception {
    var before = new StringBuilder();
    var after = new StringBuilder();
    for (int i = 0; i < 6000; i++) {
      before.append("line ").append(i).append('\n');
      after.append("changed line ").append(i).append('\n');
    }
    repo.write("big.txt", before.toString()).write("small.txt", "x\n").commit("before");
    repo.write("big.txt", after.toString()).write("small.txt", "y\n").commit("after");

    int added = 0;
    int removed = 0;
    int pages = 0;
    var seenFiles = new ArrayList<Object>();
    String cursor = null;
    do {
      var args = new java.util.HashMap<String, Object>(Map.of("from", "HEAD~1", "to", "HEAD"));
      if (cursor != null) {
        args.put("cursor", cursor);
      }
      var page = repo.call("git_diff", args);
      String patch = (String) page.get("patch");
      assertThat(patch.length()).isLessThanOrEqualTo(DiffPages.MAX_PATCH_CHARS);
      for (String line : patch.split("\n")) {
        if (line.startsWith("+") && !line.startsWith("+++")) added++;
        if (line.startsWith("-") && !line.startsWith("---")) removed++;
      }
      ((List<Map<String, Object>>) page.get("files")).forEach(f -> seenFiles.add(f.get("path")));
      cursor = (String) page.get("nextCursor");
      pages++;
    } while (cursor != null);
    assertThat(pages).isGreaterThan(2);
    assertThat(added).isEqualTo(6001);
    assertThat(removed).isEqualTo(6001);
    assertThat(seenFiles).containsExactly("big.txt", "small.txt");
  }

  @Test
  void diffComparesWorkingTreeIndexAndRevisions() throws Exception {
    repo.write("f.txt", "one\n").commit("one");
    repo.write("f.txt", "two\n");
    assertThat((String) repo.call("git_diff", Map.of()).get("patch")).contains("-one", "+two");
    assertThat((String) repo.call("git_diff", Map.of("staged", true)).get("patch")).isEmpty();
    repo.git.add().addFilepattern("f.txt").call();
    assertThat((String) repo.call("git_diff", Map.of()).get("patch")).isEmpty();
    assertThat((String) repo.call("git_diff", Map.of("staged", true)).get("patch"))
        .contains("+two");
    repo.commit("two");
    assertThat(
            (String)
                repo.call("git_diff", Map.of("from", "HEAD~1", "to", "HEAD", "contextLines", 0))
                    .get("patch"))
        .contains("-one", "+two");
  }

  @Test
  void diffAgainstTheWorkingTreeLeavesOutUntrackedAndIgnoredFiles() throws Exception {
    repo.write(".gitignore", "target/\n").write("f.txt", "one\n").commit("one");
    repo.write("f.txt", "two\n").write("untracked.txt", "u\n").write("target/out.class", "x\n");
    for (var args : List.<Map<String, Object>>of(Map.of(), Map.of("from", "HEAD"))) {
      var out = repo.call("git_diff", args);
      assertThat((List<Map<String, Object>>) out.get("files"))
          .as(args.toString())
          .extracting(f -> f.get("path"))
          .containsExactly("f.txt");
    }
  }

  @Test
  void blameFollowsRenamesForALineRange() throws Exception {
    repo.write("a.txt", "l1\nl2\nl3\n").commitAs("Ann", "ann@example.com", "first");
    repo.git.rm().addFilepattern("a.txt").call();
    repo.write("b.txt", "l1\nl2\nl3\nl4\n").commitAs("Ben", "ben@example.com", "rename and add");
    var out = repo.call("git_blame", Map.of("path", "b.txt", "startLine", 2, "endLine", 4));
    var hunks = (List<Map<String, Object>>) out.get("hunks");
    assertThat(hunks).hasSize(2);
    assertThat(hunks.get(0))
        .containsEntry("author", "Ann")
        .containsEntry("startLine", 2)
        .containsEntry("endLine", 3)
        .containsEntry("origPath", "a.txt");
    assertThat(hunks.get(1)).containsEntry("author", "Ben").containsEntry("lines", List.of("l4"));
  }

  @Test
  void branchesTagsAndStatus() throws Exception {
    repo.write("a.txt", "a\n").commit("first");
    repo.git.branchCreate().setName("feature/x").call();
    repo.git.tag().setName("v1").setMessage("release one").setAnnotated(true).call();
    repo.write("a.txt", "changed\n").write("new.txt", "n\n");
    var branches = (List<Map<String, Object>>) repo.call("git_branches", Map.of()).get("branches");
    assertThat(branches).extracting(b -> b.get("name")).containsExactly("feature/x", "main");
    assertThat(branches.get(1)).containsEntry("current", true);
    var tags = (List<Map<String, Object>>) repo.call("git_tags", Map.of()).get("tags");
    assertThat(tags)
        .singleElement()
        .satisfies(
            t -> assertThat(t).containsEntry("name", "v1").containsEntry("message", "release one"));
    var status = repo.call("git_status", Map.of());
    assertThat(status)
        .containsEntry("branch", "main")
        .containsEntry("untracked", List.of("new.txt"));
    assertThat(status.get("unstaged"))
        .isEqualTo(List.of(Map.of("path", "a.txt", "change", "modified")));
  }

  @Test
  void grepSearchesARevisionSkipsBinariesAndPages() throws Exception {
    var sb = new StringBuilder();
    for (int i = 1; i <= 30; i++) {
      sb.append(i % 2 == 0 ? "TODO item " + i : "plain " + i).append('\n');
    }
    repo.write("src/a.txt", sb.toString())
        .write("src/b.txt", "TODO last\n")
        .writeBytes("src/c.bin", new byte[] {'T', 'O', 'D', 'O', 0, 1})
        .commit("files");
    repo.write("src/b.txt", "working tree only TODO\nTODO\n");
    var first = repo.call("git_grep", Map.of("pattern", "TODO", "maxCount", 10));
    assertThat((List<Map<String, Object>>) first.get("matches"))
        .hasSize(10)
        .first()
        .satisfies(m -> assertThat(m).containsEntry("path", "src/a.txt").containsEntry("line", 2));
    var rest =
        repo.call(
            "git_grep",
            Map.of("pattern", "TODO", "maxCount", 10, "cursor", first.get("nextCursor")));
    var matches = (List<Map<String, Object>>) rest.get("matches");
    assertThat(matches)
        .extracting(m -> m.get("path") + ":" + m.get("line"))
        .containsExactly(
            "src/a.txt:22",
            "src/a.txt:24",
            "src/a.txt:26",
            "src/a.txt:28",
            "src/a.txt:30",
            "src/b.txt:1");
    assertThat(rest).doesNotContainKey("nextCursor").containsEntry("skippedFiles", 1);
    assertThat(
            repo.call(
                    "git_grep", Map.of("pattern", "todo", "ignoreCase", true, "path", "src/b.txt"))
                .get("matches"))
        .isEqualTo(List.of(Map.of("path", "src/b.txt", "line", 1, "text", "TODO last")));
  }

  @Test
  void readFileAtAnOlderRevisionAndByLines() throws Exception {
    repo.write("f.txt", "v1 a\nv1 b\nv1 c\n").commit("v1");
    repo.write("f.txt", "v2\n").commit("v2");
    var out =
        repo.call(
            "git_read_file", Map.of("path", "f.txt", "ref", "HEAD~1", "offset", 2, "limit", 1));
    assertThat(out)
        .containsEntry("content", "v1 b")
        .containsEntry("totalLines", 3)
        .containsEntry("nextOffset", 3);
    assertThat(repo.call("git_read_file", Map.of("path", "./f.txt")))
        .containsEntry("content", "v2");
    var missing = repo.run("git_read_file", Map.of("path", "nope.txt"));
    assertThat(GitFixture.text(missing)).contains("No file nope.txt at HEAD");
  }

  @Test
  void writeToolsStageCommitBranchAndCheckOut() throws Exception {
    repo.write("keep.txt", "k\n").write("gone.txt", "g\n").commit("base");
    repo.write("keep.txt", "changed\n").write("new.txt", "n\n");
    java.nio.file.Files.delete(repo.dir.resolve("gone.txt"));
    var staged = repo.call("git_add", Map.of("paths", List.of(".")));
    assertThat((List<Map<String, Object>>) staged.get("staged"))
        .extracting(p -> p.get("change") + " " + p.get("path"))
        .containsExactly("added new.txt", "modified keep.txt", "deleted gone.txt");
    var commit = repo.call("git_commit", Map.of("message", "second\n\nbody"));
    assertThat(commit).containsEntry("branch", "main").containsEntry("subject", "second");
    assertThat(repo.git.getRepository().resolve("HEAD").getName()).isEqualTo(commit.get("sha"));
    assertThat(GitFixture.text(repo.run("git_commit", Map.of("message", "again"))))
        .contains("Nothing is staged");

    repo.call("git_create_branch", Map.of("branch", "old", "ref", "HEAD~1"));
    assertThat(GitFixture.text(repo.run("git_create_branch", Map.of("branch", "old"))))
        .contains("already exists");
    repo.write("keep.txt", "uncommitted\n");
    var conflict = repo.run("git_checkout", Map.of("ref", "old"));
    assertThat(GitFixture.text(conflict)).contains("would overwrite local changes", "keep.txt");
    assertThat(java.nio.file.Files.readString(repo.dir.resolve("keep.txt")))
        .isEqualTo("uncommitted\n");
    repo.write("keep.txt", "changed\n");
    assertThat(repo.call("git_checkout", Map.of("ref", "old"))).containsEntry("branch", "old");
    assertThat(repo.dir.resolve("gone.txt")).exists();
    var detached = repo.call("git_checkout", Map.of("ref", "main~1"));
    assertThat(detached).doesNotContainKey("branch");
  }

  @Test
  void resourceTemplateReadsAFileAtARef() throws Exception {
    repo.write("dir/f.txt", "hello\n").commit("one");
    repo.git.branchCreate().setName("feature/x").call();
    var spec = repo.toolset().resourceTemplates().get(0);
    assertThat(spec.template().uriTemplate()).isEqualTo("git://{repo}/{ref}/{+path}");
    var result = spec.reader().apply("git://./feature%2Fx/dir/f.txt");
    var text =
        (io.modelcontextprotocol.spec.McpSchema.TextResourceContents) result.contents().get(0);
    assertThat(text.text()).isEqualTo("hello\n".strip());
  }
}

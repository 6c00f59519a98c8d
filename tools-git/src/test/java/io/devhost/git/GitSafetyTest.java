package io.devhost.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules that keep a hostile repository or a confused model from doing harm: nothing from the
 * repository's configuration runs, option-like refs are refused, and repositories outside the
 * allowed roots are not opened.
 */
@SuppressWarnings("unchecked")
class GitSafetyTest {

  @TempDir Path tmp;

  /**
   * Points every command-running git setting at a script that leaves a marker file, then runs each
   * git tool that could trigger one. The tools must work and no marker may appear.
   */
  @Test
  void nothingConfiguredInTheRepositoryIsExecuted() throws Exception {
    Path markers = Files.createDirectories(tmp.resolve("markers"));
    Path scripts = Files.createDirectories(tmp.resolve("scripts"));
    try (var repo = new GitFixture(tmp.resolve("roots"))) {
      var config = repo.git.getRepository().getConfig();
      config.setString("core", null, "hooksPath", scripts.toString());
      config.setString("filter", "evil", "clean", script(scripts, "clean", markers, true));
      config.setString("filter", "evil", "smudge", script(scripts, "smudge", markers, true));
      config.setString("filter", "evil", "process", script(scripts, "process", markers, false));
      config.setBoolean("filter", "evil", "required", true);
      config.setString("diff", "evil", "textconv", script(scripts, "textconv", markers, true));
      config.setString("diff", "evil", "command", script(scripts, "diffcmd", markers, false));
      config.setString("diff", null, "external", script(scripts, "external", markers, false));
      config.setString("core", null, "fsmonitor", script(scripts, "fsmonitor", markers, false));
      config.setString("core", null, "sshCommand", script(scripts, "ssh", markers, false));
      config.setString("gpg", null, "program", script(scripts, "gpg", markers, false));
      config.setString("gpg", "ssh", "program", script(scripts, "gpgssh", markers, false));
      config.setBoolean("commit", null, "gpgSign", true);
      config.save();
      for (String hook :
          List.of(
              "pre-commit",
              "commit-msg",
              "prepare-commit-msg",
              "post-commit",
              "post-checkout",
              "pre-auto-gc")) {
        script(scripts, hook, markers, false);
        Files.copy(scripts.resolve(hook), repo.dir.resolve(".git/hooks/" + hook));
      }
      // The scripts work: run one directly and see its marker, then clear it.
      var proc = new ProcessBuilder(scripts.resolve("pre-commit").toString()).start();
      assertThat(proc.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(markers.resolve("pre-commit")).exists();
      Files.delete(markers.resolve("pre-commit"));

      repo.write(".gitattributes", "* filter=evil diff=evil\n").write("a.txt", "one\n");
      repo.call("git_add", Map.of("paths", List.of(".")));
      var first = repo.call("git_commit", Map.of("message", "first"));
      repo.write("a.txt", "two\n");
      repo.call("git_status", Map.of());
      assertThat((String) repo.call("git_diff", Map.of()).get("patch")).contains("+two");
      repo.call("git_add", Map.of("paths", List.of("a.txt")));
      repo.call("git_diff", Map.of("staged", true));
      repo.call("git_commit", Map.of("message", "second"));
      repo.call("git_show", Map.of());
      repo.call("git_log", Map.of("files", true));
      repo.call("git_blame", Map.of("path", "a.txt"));
      repo.call("git_grep", Map.of("pattern", "two"));
      repo.call("git_read_file", Map.of("path", "a.txt", "ref", "HEAD~1"));
      repo.call("git_create_branch", Map.of("branch", "old", "ref", (String) first.get("sha")));
      var checkout = repo.call("git_checkout", Map.of("ref", "old"));

      assertThat(checkout).containsEntry("branch", "old");
      assertThat(Files.readString(repo.dir.resolve("a.txt"))).isEqualTo("one\n");
      try (var stream = Files.list(markers)) {
        assertThat(stream.map(p -> p.getFileName().toString()).toList()).isEmpty();
      }
      // The repository's own config file is left as the user wrote it.
      assertThat(Files.readString(repo.dir.resolve(".git/config")))
          .contains("filter \"evil\"", "fsmonitor");
    }
  }

  private static String script(Path dir, String name, Path markers, boolean passThrough)
      throws Exception {
    Path file = dir.resolve(name);
    String body =
        "#!/bin/sh\ntouch '" + markers.resolve(name) + "'\n" + (passThrough ? "cat\n" : "");
    Files.writeString(file, body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file.toString();
  }

  @Test
  void optionLikeRefsAndBranchNamesAreRefused() throws Exception {
    try (var repo = new GitFixture(tmp)) {
      repo.write("a.txt", "a\n").commit("first");
      for (var call :
          List.of(
              Map.entry("git_log", Map.<String, Object>of("ref", "--output=/tmp/pwned")),
              Map.entry("git_show", Map.<String, Object>of("ref", "-p")),
              Map.entry("git_diff", Map.<String, Object>of("from", "--no-index", "to", "HEAD")),
              Map.entry("git_checkout", Map.<String, Object>of("ref", "-f")),
              Map.entry("git_create_branch", Map.<String, Object>of("branch", "-D")),
              Map.entry("git_create_branch", Map.<String, Object>of("branch", "a..b")),
              Map.entry("git_read_file", Map.<String, Object>of("path", "../../etc/passwd")),
              Map.entry("git_grep", Map.<String, Object>of("pattern", "x", "path", "/etc")))) {
        var result = repo.run(call.getKey(), call.getValue());
        assertThat(result.isError()).as(call.toString()).isTrue();
        assertThat(GitFixture.text(result))
            .as(call.toString())
            .containsAnyOf("option", "branch name", "inside the repository", "absolute");
      }
      assertThat(Files.exists(Path.of("/tmp/pwned"))).isFalse();
      var unknown = repo.run("git_show", Map.of("ref", "nosuchbranch"));
      assertThat(GitFixture.text(unknown)).contains("Unknown revision 'nosuchbranch'");
    }
  }

  @Test
  void repositoriesOutsideTheRootsAreNotOpenedEvenThroughSymlinks() throws Exception {
    Path outside = tmp.resolve("outside");
    try (var other = Git.init().setDirectory(outside.toFile()).call();
        var repo = new GitFixture(tmp.resolve("root"))) {
      Files.writeString(outside.resolve("secret.txt"), "secret\n");
      other.add().addFilepattern(".").call();
      other.commit().setMessage("secret").setSign(false).setNoVerify(true).call();
      repo.write("a.txt", "a\n").commit("first");

      var direct = repo.run("git_log", Map.of("repo", outside.toString()));
      assertThat(GitFixture.text(direct)).contains("outside the allowed directories");

      Files.createSymbolicLink(repo.root.resolve("link"), outside);
      var viaLink = repo.run("git_log", Map.of("repo", "link"));
      assertThat(GitFixture.text(viaLink)).contains("outside the allowed directories");

      // A working tree inside the root whose .git file points at a repository outside it.
      Path worktree = Files.createDirectories(repo.root.resolve("gitlink"));
      Files.writeString(worktree.resolve(".git"), "gitdir: " + outside.resolve(".git") + "\n");
      var viaGitFile = repo.run("git_read_file", Map.of("repo", "gitlink", "path", "secret.txt"));
      assertThat(viaGitFile.isError()).isTrue();
      assertThat(GitFixture.text(viaGitFile))
          .contains("outside the allowed roots")
          .doesNotContain("secret\n");

      // The default repository is the one in the working directory (the first root).
      var inRoot = repo.run("git_log", Map.of("repo", "."));
      assertThat(inRoot.isError()).isFalse();
    }
  }

  @Test
  void searchDoesNotClimbAboveTheRoot() throws Exception {
    try (var repo = new GitFixture(tmp)) {
      repo.write("sub/a.txt", "a\n").commit("first");
      // The root is a directory inside the repository, not the repository.
      var toolset = new GitToolset(io.devhost.fs.Sandbox.of(List.of(repo.dir.resolve("sub"))));
      var log =
          toolset.tools().stream()
              .filter(t -> t.name().equals("git_log"))
              .findFirst()
              .orElseThrow();
      var result =
          new io.devhost.core.ToolRunner(io.devhost.core.ResultLimits.DEFAULT)
              .run(log, Map.of(), io.devhost.core.ToolContext.DETACHED)
              .result();
      assertThat(result.isError()).isTrue();
      assertThat(GitFixture.text(result)).contains("No git repository at or above");
    }
  }

  /**
   * JGit reads the working tree by path, so a tracked file replaced by a hard link to a file
   * outside the root would show that file's content in a diff, and staging would copy it into the
   * repository. Both are refused as the file tools refuse it.
   */
  @Test
  void aHardLinkToAFileOutsideIsNeitherDiffedNorStaged() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path secret = Files.writeString(outside.resolve("secret.txt"), "OUTSIDE-SECRET\n");
    try (var repo = new GitFixture(tmp.resolve("root"))) {
      repo.write("notes.txt", "tracked\n").commit("one");
      Files.delete(repo.dir.resolve("notes.txt"));
      Files.createLink(repo.dir.resolve("notes.txt"), secret);

      var diff = repo.call("git_diff", Map.of());
      assertThat(diff.toString()).doesNotContain("OUTSIDE-SECRET").contains("hard links");
      var add = repo.run("git_add", Map.of("paths", List.of("notes.txt")));
      assertThat(add.isError()).isTrue();
      assertThat(GitFixture.text(add)).contains("hard links").contains("--allow-hard-links");
      assertThat(repo.call("git_diff", Map.of("staged", true)).toString())
          .doesNotContain("OUTSIDE-SECRET");
    }
  }

  @Test
  void exactlyTheToolsThatChangeARepositoryAreMarkedAsWriting() throws Exception {
    var git = new GitToolset(io.devhost.fs.Sandbox.of(List.of(tmp)));
    assertThat(git.tools())
        .filteredOn(t -> !t.readOnly())
        .extracting(t -> t.name())
        .containsExactlyInAnyOrder("git_add", "git_commit", "git_create_branch", "git_checkout");
  }
}

package io.devhost.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.core.ToolException;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret committed once stays hidden: the filesystem deny rules apply to every revision the git
 * tools can reach. Each test commits files that the default rules hide, holding a marker string,
 * and then looks for the marker in everything the tools return.
 */
@SuppressWarnings("unchecked")
class GitDenyRulesTest {

  private static final String ENV_MARKER = "API_KEY=sk-env-4f7c1e";
  private static final String PEM_MARKER = "MIIEpem-9b2d77";
  private static final String EDITED_MARKER = "API_KEY=sk-edited-03aa";

  @TempDir Path tmp;

  /** Three commits: secrets added, a secret changed next to a normal file, a secret deleted. */
  private record History(RevCommit added, RevCommit changed, RevCommit deleted) {}

  private static History commitSecrets(GitFixture repo) throws Exception {
    RevCommit added =
        repo.write("a.txt", "one\n")
            .write(".env", ENV_MARKER + "\n")
            .write("certs/x.pem", "-----BEGIN PRIVATE KEY-----\n" + PEM_MARKER + "\n")
            .commit("add config");
    RevCommit changed =
        repo.write("a.txt", "two\n").write(".env", EDITED_MARKER + "\n").commit("rotate key");
    Files.delete(repo.dir.resolve(".env"));
    RevCommit deleted = repo.commit("drop .env");
    return new History(added, changed, deleted);
  }

  @Test
  void noGitToolReturnsTheContentOfADeniedFileAtAnyRevision() throws Exception {
    try (var repo = new GitFixture(tmp)) {
      var h = commitSecrets(repo);
      // The secret is in the working tree and the index too, changed and staged.
      repo.write(".env", ENV_MARKER + "\nstaged\n");
      repo.git.add().addFilepattern(".env").call();
      repo.write(".env", ENV_MARKER + "\nunstaged\n");

      List<Map.Entry<String, Map<String, Object>>> calls =
          List.of(
              Map.entry("git_show", Map.<String, Object>of("ref", h.added().getName())),
              Map.entry("git_show", Map.<String, Object>of("ref", h.changed().getName())),
              Map.entry("git_show", Map.<String, Object>of("ref", h.deleted().getName())),
              Map.entry(
                  "git_show", Map.<String, Object>of("ref", h.changed().getName(), "path", ".env")),
              Map.entry(
                  "git_diff", Map.<String, Object>of("from", h.added().getName(), "to", "HEAD")),
              Map.entry(
                  "git_diff", Map.<String, Object>of("from", h.changed().getName(), "to", "HEAD")),
              Map.entry("git_diff", Map.<String, Object>of("staged", true)),
              Map.entry("git_diff", Map.<String, Object>of()),
              Map.entry("git_diff", Map.<String, Object>of("from", h.added().getName())),
              Map.entry("git_log", Map.<String, Object>of("files", true)),
              Map.entry(
                  "git_grep",
                  Map.<String, Object>of("pattern", "sk-", "ref", h.changed().getName())),
              Map.entry("git_grep", Map.<String, Object>of("pattern", PEM_MARKER)),
              Map.entry("git_status", Map.<String, Object>of()));
      for (var call : calls) {
        var result = repo.run(call.getKey(), call.getValue());
        assertThat(result.isError()).as(call.toString()).isNotEqualTo(Boolean.TRUE);
        String everything = everything(result);
        assertThat(everything)
            .as(call.toString())
            .doesNotContain(ENV_MARKER, EDITED_MARKER, PEM_MARKER, "sk-");
      }
    }
  }

  @Test
  void toolsThatReadOneFileRefuseADeniedPathWithTheRuleNamed() throws Exception {
    try (var repo = new GitFixture(tmp)) {
      var h = commitSecrets(repo);
      String old = h.added().getName();
      for (var call :
          List.of(
              Map.entry("git_read_file", Map.<String, Object>of("path", ".env", "ref", old)),
              Map.entry("git_read_file", Map.<String, Object>of("path", "./.env", "ref", old)),
              Map.entry("git_blame", Map.<String, Object>of("path", ".env", "ref", old)),
              // Refused before the lookup: whether the file exists at a revision is not told.
              Map.entry("git_read_file", Map.<String, Object>of("path", ".env")))) {
        var result = repo.run(call.getKey(), call.getValue());
        assertThat(result.isError()).as(call.toString()).isTrue();
        assertThat(GitFixture.text(result))
            .as(call.toString())
            .contains("Access denied: .env matches the deny rule '.env*'", "hidden from the tools")
            .doesNotContain(ENV_MARKER);
      }
      var pem = repo.run("git_read_file", Map.of("path", "certs/x.pem"));
      assertThat(pem.isError()).isTrue();
      assertThat(GitFixture.text(pem)).contains("certs/x.pem matches the deny rule '*.pem'");
      var blame = repo.run("git_blame", Map.of("path", "certs/x.pem"));
      assertThat(GitFixture.text(blame)).contains("deny rule '*.pem'").doesNotContain(PEM_MARKER);
    }
  }

  @Test
  void showAndDiffListADeniedFileAsChangedWithItsPatchWithheld() throws Exception {
    try (var repo = new GitFixture(tmp)) {
      var h = commitSecrets(repo);
      var show = repo.call("git_show", Map.of("ref", h.changed().getName()));
      var files = (List<Map<String, Object>>) show.get("files");
      assertThat(files)
          .extracting(f -> f.get("path"), f -> f.get("change"))
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(".env", "modified"),
              org.assertj.core.groups.Tuple.tuple("a.txt", "modified"));
      assertThat(files.get(0))
          .containsEntry("withheld", "content withheld: path matches deny rule '.env*'")
          .doesNotContainKeys("additions", "deletions");
      assertThat(files.get(1)).containsEntry("additions", 1).doesNotContainKey("withheld");
      assertThat((String) show.get("patch"))
          .contains(
              "diff --git a/.env b/.env\n(content withheld: path matches deny rule '.env*')\n",
              "-one\n+two");

      var diff = repo.call("git_diff", Map.of("from", h.added().getName(), "to", "HEAD"));
      assertThat((List<Map<String, Object>>) diff.get("files"))
          .filteredOn(f -> f.get("path").equals(".env"))
          .singleElement()
          .satisfies(f -> assertThat(f).containsEntry("change", "deleted").containsKey("withheld"));

      var log = repo.call("git_log", Map.of("files", true, "maxCount", 1, "ref", "HEAD~1"));
      var logged = (Map<String, Object>) ((List<?>) log.get("commits")).get(0);
      assertThat((List<Map<String, Object>>) logged.get("files"))
          .filteredOn(f -> f.get("path").equals(".env"))
          .singleElement()
          .satisfies(f -> assertThat(f).containsKey("withheld").doesNotContainKey("additions"));
    }
  }

  @Test
  void aRenameOutOfADeniedNameIsWithheldToo() throws Exception {
    try (var repo = new GitFixture(tmp)) {
      var lines = new StringBuilder();
      for (int i = 0; i < 30; i++) {
        lines.append("setting_").append(i).append("=value_").append(i).append('\n');
      }
      repo.write(".env", lines + ENV_MARKER + "\n").commit("add env");
      Files.delete(repo.dir.resolve(".env"));
      var rename =
          repo.write("settings.txt", lines + "key=from-vault\n").commit("move to settings");

      var show = repo.call("git_show", Map.of("ref", rename.getName()));
      var file = ((List<Map<String, Object>>) show.get("files")).get(0);
      assertThat(file)
          .containsEntry("path", "settings.txt")
          .containsEntry("oldPath", ".env")
          .containsEntry("change", "renamed")
          .containsKey("withheld");
      assertThat(show.toString()).doesNotContain(ENV_MARKER);
      // The file under its new, undenied name is readable as it is now.
      assertThat(repo.call("git_read_file", Map.of("path", "settings.txt")).get("content"))
          .asString()
          .contains("key=from-vault")
          .doesNotContain(ENV_MARKER);
    }
  }

  @Test
  void grepSkipsDeniedFilesAndSaysHowMany() throws Exception {
    try (var repo = new GitFixture(tmp)) {
      commitSecrets(repo);
      repo.write("notes.md", "see " + PEM_MARKER + " in the vault\n").commit("notes");
      var grep = repo.call("git_grep", Map.of("pattern", PEM_MARKER));
      assertThat((List<Map<String, Object>>) grep.get("matches"))
          .extracting(m -> m.get("path"))
          .containsExactly("notes.md");
      assertThat(grep).containsEntry("deniedFiles", 1);
      var text = GitFixture.text(repo.run("git_grep", Map.of("pattern", "BEGIN PRIVATE")));
      assertThat(text).contains("No matches.", "1 file(s) not searched", "deny rules");
    }
  }

  @Test
  void theResourceTemplateRefusesADeniedPath() throws Exception {
    try (var repo = new GitFixture(tmp)) {
      var h = commitSecrets(repo);
      var reader = repo.toolset().resourceTemplates().get(0).reader();
      assertThatThrownBy(() -> reader.apply("git://./" + h.added().getName() + "/.env"))
          .isInstanceOf(ToolException.class)
          .hasMessageContaining("Access denied: .env matches the deny rule '.env*'")
          .hasMessageNotContaining(ENV_MARKER);
      assertThatThrownBy(() -> reader.apply("git://./HEAD/certs%2Fx.pem"))
          .isInstanceOf(ToolException.class)
          .hasMessageContaining("'*.pem'");
      var ok =
          (McpSchema.TextResourceContents) reader.apply("git://./HEAD/a.txt").contents().get(0);
      assertThat(ok.text()).isEqualTo("two");
    }
  }

  @Test
  void aLiftedDefaultAndAUserGlobApplyToTheGitToolsAsToTheFileTools() throws Exception {
    try (var repo = new GitFixture(tmp, "", List.of("!.env.example", "config/*.json"))) {
      repo.write(".env.example", "API_KEY=changeme\n")
          .write(".env", ENV_MARKER + "\n")
          .write("config/prod.json", "{\"token\": \"" + PEM_MARKER + "\"}\n")
          .write("config/README", "configs go here\n")
          .commit("config");
      assertThat(repo.call("git_read_file", Map.of("path", ".env.example")).get("content"))
          .isEqualTo("API_KEY=changeme");
      assertThat(GitFixture.text(repo.run("git_read_file", Map.of("path", ".env"))))
          .contains("deny rule '.env*'");
      assertThat(GitFixture.text(repo.run("git_read_file", Map.of("path", "config/prod.json"))))
          .contains("deny rule 'config/*.json'");
      assertThat(repo.call("git_read_file", Map.of("path", "config/README")).get("content"))
          .isEqualTo("configs go here");

      var grep = repo.call("git_grep", Map.of("pattern", "API_KEY|token"));
      assertThat((List<Map<String, Object>>) grep.get("matches"))
          .extracting(m -> m.get("path"))
          .containsExactly(".env.example");
      assertThat(grep).containsEntry("deniedFiles", 2);
      String patch = (String) repo.call("git_show", Map.of()).get("patch");
      assertThat(patch).contains("+API_KEY=changeme").doesNotContain(ENV_MARKER, PEM_MARKER);
    }
  }

  @Test
  void aRepositoryBelowARootIsMatchedFromItsTopAndFromTheRoot() throws Exception {
    var deny = List.of("svc/deploy/*.yml", "secrets/*");
    try (var repo = new GitFixture(tmp.resolve("root"), "svc", deny)) {
      repo.write("deploy/prod.yml", "password: " + PEM_MARKER + "\n")
          .write("secrets/db.txt", "hunter2\n")
          .write("deploy/README", "how to deploy\n")
          .commit("deploy");
      // Relative to the root: svc/deploy/prod.yml.
      assertThat(
              GitFixture.text(
                  repo.run("git_read_file", Map.of("repo", "svc", "path", "deploy/prod.yml"))))
          .contains("Access denied: deploy/prod.yml matches the deny rule 'svc/deploy/*.yml'");
      // Relative to the repository's top: secrets/db.txt.
      assertThat(
              GitFixture.text(
                  repo.run("git_read_file", Map.of("repo", "svc", "path", "secrets/db.txt"))))
          .contains("deny rule 'secrets/*'");
      assertThat(repo.call("git_read_file", Map.of("repo", "svc", "path", "deploy/README")))
          .containsEntry("content", "how to deploy");
      String show = repo.call("git_show", Map.of("repo", "svc")).toString();
      assertThat(show).doesNotContain(PEM_MARKER, "hunter2").contains("how to deploy");
    }
  }

  @Test
  void gitAddRefusesToStageADeniedFileAndStagesNothing() throws Exception {
    try (var repo = new GitFixture(tmp)) {
      repo.write("a.txt", "one\n").commit("first");
      repo.write("a.txt", "two\n").write(".env", ENV_MARKER + "\n");

      var refused = repo.run("git_add", Map.of("paths", List.of(".")));
      assertThat(refused.isError()).isTrue();
      assertThat(GitFixture.text(refused))
          .contains("would stage .env", "deny rule '.env*'", "Nothing was staged", "by name");
      assertThat(repo.git.status().call().getAdded()).isEmpty();
      assertThat(repo.git.status().call().getChanged()).isEmpty();

      var staged = repo.call("git_add", Map.of("paths", List.of("a.txt")));
      assertThat((List<Map<String, Object>>) staged.get("staged"))
          .extracting(p -> p.get("path"))
          .containsExactly("a.txt");
    }
  }

  /** Everything a client would see of a result: its text and its structured content. */
  private static String everything(McpSchema.CallToolResult result) {
    var sb = new StringBuilder();
    result.content().forEach(c -> sb.append(c).append('\n'));
    return sb.append(result.structuredContent()).toString();
  }
}

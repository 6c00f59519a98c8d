package io.devhost.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.pg.SeedScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo project as {@code --demo} makes it: the scripted history must end at exactly the
 * packaged tree, read like a real project's, and never contain the demo's secrets.
 */
class DemoWorkspaceTest {

  /** Every fake secret in examples/shop carries this marker. */
  static final String SECRET_MARKER = "DEMO-FAKE-SECRET";

  private static DemoWorkspace demo;
  private static List<RevCommit> commits;

  @BeforeAll
  static void create() throws Exception {
    demo = DemoWorkspace.create();
    try (Git git = Git.open(demo.root().toFile())) {
      commits = new ArrayList<>();
      git.log().call().forEach(commits::add);
    }
  }

  @Test
  void theHistoryEndsAtExactlyThePackagedTreeAndOnlyIgnoredFilesAreUncommitted() throws Exception {
    try (Git git = Git.open(demo.root().toFile())) {
      var status = git.status().call();
      assertThat(status.getUncommittedChanges()).isEmpty();
      assertThat(status.getUntracked()).isEmpty();
      assertThat(status.isClean()).isTrue();
      assertThat(status.getIgnoredNotInIndex()).contains(".env");
    }
    Set<String> onDisk = filesOnDisk(demo.root());
    assertThat(onDisk).contains("README.md", ".gitignore", ".env");
    assertThat(onDisk.stream().filter(p -> p.startsWith("db/migrations/V"))).hasSizeGreaterThan(3);
  }

  @Test
  void theHistoryReadsLikeARealProject() throws Exception {
    assertThat(commits).hasSizeGreaterThanOrEqualTo(12);
    Set<String> authors = new HashSet<>();
    commits.forEach(c -> authors.add(c.getAuthorIdent().getEmailAddress()));
    assertThat(authors).hasSizeGreaterThanOrEqualTo(4);
    assertThat(commits)
        .as("a bug fix")
        .anyMatch(c -> c.getShortMessage().toLowerCase().startsWith("fix"));
    try (Git git = Git.open(demo.root().toFile())) {
      assertThat(commits)
          .as("a commit that adds a migration renaming a column and changes code with it")
          .anyMatch(c -> addsRenameMigrationAndPython(git.getRepository(), c));
    }
  }

  @Test
  void earlierVersionsAreRestoredExactly() throws Exception {
    try (Git git = Git.open(demo.root().toFile())) {
      Repository repo = git.getRepository();
      RevCommit fix =
          commits.stream()
              .filter(c -> c.getShortMessage().startsWith("Fix revenue report"))
              .findFirst()
              .orElseThrow();
      String before = fileAt(repo, fix.getParent(0), "shop/reports/revenue.py");
      String after = fileAt(repo, fix, "shop/reports/revenue.py");
      assertThat(before).as("the bug: the current list price").contains("p.price");
      assertThat(after).as("the fix: the price paid").contains("unit_price");
    }
  }

  private static String fileAt(Repository repo, ObjectId commitId, String path) throws IOException {
    try (var walk = new RevWalk(repo)) {
      var tree = walk.parseCommit(commitId).getTree();
      try (TreeWalk file = TreeWalk.forPath(repo, path, tree)) {
        return new String(repo.open(file.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  @Test
  void secretsAreOnDiskButInNoCommit() throws Exception {
    assertThat(Files.readString(demo.root().resolve(".env"))).contains(SECRET_MARKER);
    try (Git git = Git.open(demo.root().toFile())) {
      Repository repo = git.getRepository();
      for (RevCommit commit : commits) {
        try (TreeWalk walk = new TreeWalk(repo)) {
          walk.addTree(commit.getTree());
          walk.setRecursive(true);
          while (walk.next()) {
            String content =
                new String(repo.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            assertThat(content)
                .as("%s in %s", walk.getPathString(), commit.getShortMessage())
                .doesNotContain(SECRET_MARKER);
          }
        }
      }
    }
  }

  @Test
  void theDatabaseScriptsAreTheDemosOwnMigrations() {
    var scripts = SeedScripts.fromDirectory(demo.root().resolve("db"));
    assertThat(scripts.migrations()).extracting(m -> m.version()).isSorted();
    assertThat(scripts.migrations())
        .anyMatch(m -> m.sql().contains("RENAME COLUMN name TO full_name"));
    assertThat(scripts.seed()).contains("INSERT INTO orders");
  }

  private static boolean addsRenameMigrationAndPython(Repository repo, RevCommit commit) {
    if (commit.getParentCount() != 1) {
      return false;
    }
    try (var diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      diff.setRepository(repo);
      List<DiffEntry> changes = diff.scan(commit.getParent(0).getTree(), commit.getTree());
      boolean migration =
          changes.stream()
              .anyMatch(
                  d ->
                      d.getChangeType() == DiffEntry.ChangeType.ADD
                          && d.getNewPath().startsWith("db/migrations/")
                          && contains(repo, d.getNewId().toObjectId(), "RENAME COLUMN"));
      boolean code = changes.stream().anyMatch(d -> d.getNewPath().endsWith(".py"));
      return migration && code;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean contains(Repository repo, ObjectId blob, String text) {
    try {
      return new String(repo.open(blob).getBytes(), StandardCharsets.UTF_8).contains(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> filesOnDisk(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      var files = new HashSet<String>();
      walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .filter(p -> !p.startsWith(".git/"))
          .forEach(files::add);
      return files;
    }
  }
}

package io.devhost.server.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;

/** Replays {@link DemoHistory} into a new git repository, one real commit per scripted one. */
final class DemoRepository {

  private DemoRepository() {}

  /**
   * @param tree the final content of the demo tree, by relative path
   * @param history the files kept beside the history: earlier versions, by their path there
   */
  static void replay(
      Path dir, DemoHistory script, Map<String, byte[]> tree, Map<String, byte[]> history)
      throws IOException, GitAPIException {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      isolateFromUserConfig(git.getRepository().getConfig(), dir);
      for (DemoHistory.Commit commit : script.commits()) {
        for (var change : commit.files().entrySet()) {
          apply(git, dir, change.getKey(), change.getValue(), tree, history);
        }
        var who =
            new PersonIdent(
                commit.authorName(),
                commit.authorEmail(),
                commit.when().toInstant(),
                commit.when().getOffset());
        git.commit()
            .setMessage(commit.message())
            .setAuthor(who)
            .setCommitter(who)
            .setSign(false)
            .setNoVerify(true)
            .call();
      }
    }
  }

  /**
   * The user's global git settings must not shape the demo: no signing prompt, no hooks from
   * core.hooksPath, no line-ending conversion.
   */
  private static void isolateFromUserConfig(StoredConfig config, Path dir) throws IOException {
    config.setBoolean("commit", null, "gpgsign", false);
    config.setString("core", null, "autocrlf", "false");
    config.setString("core", null, "hooksPath", dir.resolve(".git/hooks").toString());
    config.save();
  }

  /**
   * Stages one file as the commit has it: deleted, the final version, an earlier version kept whole
   * (a file the final tree no longer has), or an earlier version kept as a diff from the final one,
   * which git applies.
   */
  private static void apply(
      Git git,
      Path dir,
      String path,
      String source,
      Map<String, byte[]> tree,
      Map<String, byte[]> history)
      throws IOException, GitAPIException {
    if (source == null) {
      git.rm().addFilepattern(path).call();
      return;
    }
    boolean isDiff = source.endsWith(".diff");
    byte[] content =
        DemoHistory.FINAL.equals(source) || isDiff ? tree.get(path) : history.get(source);
    byte[] diff = isDiff ? history.get(source) : null;
    if (content == null || (isDiff && diff == null)) {
      throw new IllegalStateException(
          "the demo history names " + source + " for " + path + ", which is not packaged");
    }
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    if (diff != null) {
      git.apply().setPatch(new ByteArrayInputStream(diff)).call();
    }
    git.add().addFilepattern(path).call();
  }
}

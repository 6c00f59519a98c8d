package io.devhost.server.demo;

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
   * @param versions the earlier versions the history refers to, by their path in the history
   */
  static void replay(
      Path dir, DemoHistory history, Map<String, byte[]> tree, Map<String, byte[]> versions)
      throws IOException, GitAPIException {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      isolateFromUserConfig(git.getRepository().getConfig(), dir);
      for (DemoHistory.Commit commit : history.commits()) {
        for (var change : commit.files().entrySet()) {
          apply(
              git,
              dir,
              change.getKey(),
              content(change.getValue(), change.getKey(), tree, versions));
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

  private static byte[] content(
      String source, String path, Map<String, byte[]> tree, Map<String, byte[]> versions) {
    if (source == null) {
      return null;
    }
    byte[] bytes = DemoHistory.FINAL.equals(source) ? tree.get(path) : versions.get(source);
    if (bytes == null) {
      throw new IllegalStateException(
          "the demo history names " + source + " for " + path + ", which is not packaged");
    }
    return bytes;
  }

  private static void apply(Git git, Path dir, String path, byte[] content)
      throws IOException, GitAPIException {
    Path file = dir.resolve(path);
    if (content == null) {
      git.rm().addFilepattern(path).call();
      return;
    }
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    git.add().addFilepattern(path).call();
  }
}

package io.devhost.git;

import io.devhost.core.PathPolicy;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Owns every decision about which repository a git tool opens, and opens it so that nothing from
 * its configuration can run.
 *
 * <p>A repository is allowed when its working tree and its git directories (the {@code .git}
 * directory, and the common directory of a linked worktree) all resolve, symlinks followed, inside
 * the sandbox's roots; a {@code .git} file or {@code core.worktree} that points elsewhere is
 * refused. The search for the repository stops at the root, so a root inside somebody else's
 * repository does not open that repository.
 */
public final class GitRepositories {

  /** A piece of work on an open repository; the repository is closed afterwards. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Repository repo) throws Exception;
  }

  private final PathPolicy paths;

  public GitRepositories(PathPolicy paths) {
    this.paths = paths;
    NoSystemConfigReader.install();
  }

  /** Opens the repository named by {@code repoArg} (a path; null means the working directory). */
  public <T> T with(ToolContext ctx, String repoArg, Work<T> work) throws Exception {
    try (Repository repo = open(ctx, repoArg)) {
      return work.apply(repo);
    } catch (RevisionSyntaxException | AmbiguousObjectException e) {
      throw ToolException.invalid("Not a valid revision: " + e.getMessage());
    } catch (MissingObjectException e) {
      throw ToolException.notFound("Object not found in the repository: " + e.getMessage());
    } catch (IncorrectObjectTypeException e) {
      throw ToolException.invalid("Wrong kind of object: " + e.getMessage());
    } catch (GitAPIException e) {
      throw new ToolException(ToolException.Kind.CONFLICT, "git refused: " + e.getMessage(), e);
    }
  }

  /** The deny rules as they apply to the paths of an open repository. */
  DeniedPaths deniedPaths(Repository repo, ToolContext ctx) throws IOException {
    return new DeniedPaths(
        paths, repo.isBare() ? null : repo.getWorkTree().toPath().toRealPath(), ctx);
  }

  Repository open(ToolContext ctx, String repoArg) throws IOException {
    String display = repoArg == null || repoArg.isBlank() ? "." : repoArg;
    Path dir = paths.resolveExisting(display, ctx);
    List<Path> roots = paths.effectiveRoots(ctx);
    if (!Files.isDirectory(dir)) {
      throw ToolException.invalid("repo must be a directory; " + display + " is a file.");
    }
    Path top = rootOf(dir, roots);
    var builder = new FileRepositoryBuilder().setFS(NoExecFs.INSTANCE).setMustExist(true);
    builder.addCeilingDirectory(top.getParent() == null ? top.toFile() : top.getParent().toFile());
    builder.findGitDir(dir.toFile());
    if (builder.getGitDir() == null) {
      throw ToolException.notFound(
          "No git repository at or above "
              + display
              + " inside the allowed roots "
              + roots
              + ". Pass repo: the path of a repository's working tree.");
    }
    Repository repo = builder.build();
    try {
      requireInside(repo.getDirectory(), display, "git directory", ctx, roots);
      requireInside(repo.getCommonDirectory(), display, "git common directory", ctx, roots);
      if (!repo.isBare()) {
        requireInside(repo.getWorkTree(), display, "working tree", ctx, roots);
      }
      neutralise(repo.getConfig());
      return repo;
    } catch (RuntimeException e) {
      repo.close();
      throw e;
    }
  }

  private static Path rootOf(Path dir, List<Path> roots) {
    for (Path root : roots) {
      if (dir.startsWith(root)) {
        return root;
      }
    }
    throw ToolException.denied(dir + " is outside the allowed roots " + roots + ".");
  }

  private void requireInside(
      File file, String display, String what, ToolContext ctx, List<Path> roots)
      throws IOException {
    Path real = file.toPath().toRealPath();
    if (!paths.isInside(real, ctx)) {
      throw ToolException.denied(
          "The repository at "
              + display
              + " has its "
              + what
              + " at "
              + real
              + ", outside the allowed roots "
              + roots
              + "; it is not opened. (A linked worktree needs its main repository inside the"
              + " roots too.)");
    }
  }

  /**
   * Removes, from the in-memory copy of the configuration only, every setting that names a command:
   * filter drivers, hooks, fsmonitor, external diff, signing programs, ssh. JGit ignores some of
   * these already; clearing them all keeps that true when JGit learns new tricks. The file on disk
   * is never written.
   */
  private static void neutralise(StoredConfig config) {
    for (String driver : config.getSubsections("filter")) {
      config.unsetSection("filter", driver);
    }
    for (String driver : config.getSubsections("diff")) {
      config.unset("diff", driver, "textconv");
      config.unset("diff", driver, "command");
    }
    config.unset("diff", null, "external");
    config.unset("core", null, "fsmonitor");
    config.unset("core", null, "hooksPath");
    config.unset("core", null, "sshCommand");
    config.unset("core", null, "askPass");
    config.unset("gpg", null, "program");
    for (String format : config.getSubsections("gpg")) {
      config.unset("gpg", format, "program");
    }
    config.setBoolean("commit", null, "gpgSign", false);
    config.setBoolean("tag", null, "gpgSign", false);
  }
}

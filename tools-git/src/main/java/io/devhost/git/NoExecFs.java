package io.devhost.git;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FS_POSIX;
import org.eclipse.jgit.util.ProcessResult;

/**
 * A JGit file system that never starts a process. JGit runs hooks, clean/smudge filter commands and
 * the {@code git} binary (to find the system config) through its {@link FS}; a repository's own
 * {@code .git/config} decides what those commands are, so a hostile repository could otherwise run
 * code the moment a tool reads its status. Every such path ends here: hooks are reported absent and
 * any other command is refused.
 *
 * <p>This is the last line of defence; {@link GitRepositories} also removes the filter settings
 * from the configuration it reads, so a filtered file is read as stored instead of failing.
 */
final class NoExecFs extends FS_POSIX {

  static final NoExecFs INSTANCE = new NoExecFs();

  private NoExecFs() {}

  @Override
  public FS newInstance() {
    return this;
  }

  @Override
  protected File discoverGitExe() {
    return null;
  }

  @Override
  protected File discoverGitSystemConfig() {
    return null;
  }

  @Override
  public File findHook(Repository repository, String hookName) {
    return null;
  }

  @Override
  public ProcessResult runHookIfPresent(
      Repository repository,
      String hookName,
      String[] args,
      OutputStream outRedirect,
      OutputStream errRedirect,
      String stdinArgs) {
    return new ProcessResult(ProcessResult.Status.NOT_PRESENT);
  }

  @Override
  public ProcessBuilder runInShell(String cmd, String[] args) {
    throw refused(cmd);
  }

  @Override
  public int runProcess(
      ProcessBuilder processBuilder,
      OutputStream outRedirect,
      OutputStream errRedirect,
      String stdinArgs) {
    throw refused(String.join(" ", processBuilder.command()));
  }

  @Override
  public int runProcess(
      ProcessBuilder processBuilder,
      OutputStream outRedirect,
      OutputStream errRedirect,
      InputStream inRedirect) {
    throw refused(String.join(" ", processBuilder.command()));
  }

  @Override
  public ExecutionResult execute(ProcessBuilder pb, InputStream in) {
    throw refused(String.join(" ", pb.command()));
  }

  private static UnsupportedOperationException refused(String command) {
    return new UnsupportedOperationException(
        "DevHost runs no commands from git configuration (refused: " + command + ")");
  }
}

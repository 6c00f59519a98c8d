package io.devhost.git;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Makes JGit skip the system-wide git config. Finding it means running the {@code git} binary
 * ({@code git --version}, then asking it for the config path), and DevHost runs no processes for
 * git. The user's own {@code ~/.gitconfig} is still read (it names the commit author).
 *
 * <p>JGit holds its {@link SystemReader} in one static; this installs the wrapper once per JVM and
 * leaves an already wrapped reader alone.
 */
final class NoSystemConfigReader extends SystemReader.Delegate {

  private NoSystemConfigReader(SystemReader delegate) {
    super(delegate);
  }

  static synchronized void install() {
    SystemReader current = SystemReader.getInstance();
    if (!(current instanceof NoSystemConfigReader)) {
      SystemReader.setInstance(new NoSystemConfigReader(current));
    }
  }

  @Override
  public FileBasedConfig openSystemConfig(Config parent, FS fs) {
    return new FileBasedConfig(parent, null, fs) {
      @Override
      public void load() {}

      @Override
      public boolean isOutdated() {
        return false;
      }
    };
  }
}

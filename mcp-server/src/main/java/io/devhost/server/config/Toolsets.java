package io.devhost.server.config;

import io.devhost.core.Toolset;
import io.devhost.core.ToolsetContext;
import io.devhost.server.Version;
import io.devhost.server.demo.DemoWorkspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the enabled toolsets from the options, through the providers found on the class path.
 * Building does no I/O beyond checking paths (and making the demo copy under {@code --demo}).
 */
public final class Toolsets {

  private Toolsets() {}

  public static List<Toolset> create(ServerOptions options) {
    return create(options, System.getenv());
  }

  public static List<Toolset> create(ServerOptions options, Map<String, String> env) {
    var demo = options.demo() ? demoWorkspace(options) : null;
    var context = new Context(options, demo == null ? null : demo.root(), env);
    var plugins = options.plugins();
    return plugins.create(plugins.chosen(options.toolsets(), context), context);
  }

  private static DemoWorkspace demoWorkspace(ServerOptions options) {
    if (options.rootsConfigured()) {
      throw new IllegalArgumentException(
          "--demo serves its own copy of the demo project; drop --roots and --read-only-roots,"
              + " or drop --demo to serve your directories.");
    }
    return DemoWorkspace.create();
  }

  /** How to give DevHost a root; said at start and in every refusal for lack of one. */
  static final String HOW_TO_SET_A_ROOT =
      "To set one, start DevHost with --roots DIR, or set DEVHOST_ROOTS=DIR in its environment,"
          + " or put roots: [DIR] in devhost.yaml, or use a client that offers roots.";

  /** The server's side of what toolsets are told. */
  private static final class Context implements ToolsetContext {
    private final ServerOptions options;
    private final Path demoProject;
    private final Map<String, String> env;
    private List<Path> defaultRoots;

    Context(ServerOptions options, Path demoProject, Map<String, String> env) {
      this.options = options;
      this.demoProject = demoProject;
      this.env = Map.copyOf(env);
    }

    @Override
    public List<Path> roots() {
      return demoProject != null ? List.of(demoProject) : options.roots();
    }

    @Override
    public List<Path> readOnlyRoots() {
      return options.readOnlyRoots();
    }

    @Override
    public synchronized List<Path> defaultRoots() {
      if (defaultRoots == null) {
        defaultRoots =
            demoProject != null || options.rootsConfigured() ? List.of() : workingDirectoryRoot();
      }
      return defaultRoots;
    }

    @Override
    public String howToSetARoot() {
      return HOW_TO_SET_A_ROOT;
    }

    @Override
    public Optional<Path> demoProject() {
      return Optional.ofNullable(demoProject);
    }

    @Override
    public Map<String, String> environment() {
      return env;
    }

    @Override
    public String userAgent() {
      return "devhost/" + Version.get();
    }

    @Override
    public <T> T shared(Class<T> type) {
      return options.plugins().shared(type, this);
    }

    /**
     * The working directory as the root of sessions whose client offers none, when it is safe to
     * serve (see {@link ImplicitRoot}); otherwise none, with one warning on stderr, because a
     * client shows a server that exits as broken. Asked only by toolsets that use roots.
     */
    private static List<Path> workingDirectoryRoot() {
      Path cwd = Path.of("").toAbsolutePath();
      String whyNot = ImplicitRoot.whyNot(cwd.toString(), System.getProperty("user.home"));
      if (whyNot == null) {
        return List.of(cwd);
      }
      System.err.println(
          "devhost: warning: no root configured, and the working directory "
              + cwd
              + " is "
              + whyNot
              + ", which is never served unasked. The file and git tools refuse every path"
              + " unless the client offers roots. "
              + HOW_TO_SET_A_ROOT);
      return List.of();
    }
  }
}

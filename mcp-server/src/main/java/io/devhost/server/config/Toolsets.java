package io.devhost.server.config;

import io.devhost.core.Toolset;
import io.devhost.fs.FilesystemToolset;
import io.devhost.fs.Sandbox;
import io.devhost.git.GitToolset;
import io.devhost.github.GitHubClient;
import io.devhost.github.GitHubToolset;
import io.devhost.github.RepoAllowlist;
import io.devhost.server.Version;
import io.devhost.server.demo.DemoWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the enabled toolsets from the options. Building does no I/O beyond checking paths. */
public final class Toolsets {

  /**
   * How long one GitHub call may spend waiting out rate limits before it reports them. Common MCP
   * clients give up on a request after 60 s, so a wait must end well before that.
   */
  static final Duration GITHUB_RETRY_BUDGET = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(Toolsets.class);

  private Toolsets() {}

  public static List<Toolset> create(ServerOptions options) {
    return create(options, System.getenv());
  }

  public static List<Toolset> create(ServerOptions options, Map<String, String> env) {
    var demo = options.demo() ? demoWorkspace(options) : null;
    List<Path> roots = demo != null ? List.of(demo.root()) : options.roots();
    List<Path> defaultRoots =
        demo != null || options.rootsConfigured() ? List.of() : workingDirectoryRoot(options);
    var created = new ArrayList<Toolset>();
    var ids = new LinkedHashSet<>(options.toolsets());
    Sandbox.Kind fsKind =
        ids.contains(ToolsetId.fs) || ids.contains(ToolsetId.git) ? sandboxKind(options) : null;
    for (ToolsetId id : ids) {
      created.add(
          switch (id) {
            case fs -> new FilesystemToolset(sandbox(options, roots, defaultRoots, fsKind));
            case git -> new GitToolset(sandbox(options, roots, defaultRoots, fsKind));
            case github -> github(options, env);
            case pg -> options.postgres().createToolset(demo == null ? null : demo.seedScripts());
          });
    }
    return created;
  }

  private static DemoWorkspace demoWorkspace(ServerOptions options) {
    if (!options.roots.isEmpty() || !options.readOnlyRoots().isEmpty()) {
      throw new IllegalArgumentException(
          "--demo serves its own copy of the demo project; drop --roots and --read-only-roots,"
              + " or drop --demo to serve your directories.");
    }
    return DemoWorkspace.create();
  }

  private static Toolset github(ServerOptions options, Map<String, String> env) {
    var url = options.githubApiUrl();
    if (url == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
      throw new IllegalArgumentException(
          "--github-api-url must be an http(s) URL, got " + url + ".");
    }
    var client =
        new GitHubClient(
            url,
            GitHubToken.resolve(options.githubTokenFile(), env),
            "devhost/" + Version.get(),
            GITHUB_RETRY_BUDGET);
    return new GitHubToolset(
        client, RepoAllowlist.of(options.githubRepos()), options.githubLockdown());
  }

  /**
   * The working directory as the root of sessions whose client offers none, when it is safe to
   * serve (see {@link ImplicitRoot}); otherwise none, with one warning on stderr, because a client
   * shows a server that exits as broken.
   */
  private static List<Path> workingDirectoryRoot(ServerOptions options) {
    Path cwd = Path.of("").toAbsolutePath();
    String whyNot = ImplicitRoot.whyNot(cwd.toString(), System.getProperty("user.home"));
    if (whyNot == null) {
      return List.of(cwd);
    }
    if (options.toolsets().contains(ToolsetId.fs) || options.toolsets().contains(ToolsetId.git)) {
      System.err.println(
          "devhost: warning: no root configured, and the working directory "
              + cwd
              + " is "
              + whyNot
              + ", which is never served unasked. The file and git tools refuse every path"
              + " unless the client offers roots. "
              + HOW_TO_SET_A_ROOT);
    }
    return List.of();
  }

  /** How to give DevHost a root; said at start and in every refusal for lack of one. */
  static final String HOW_TO_SET_A_ROOT =
      "To set one, start DevHost with --roots DIR, or set DEVHOST_ROOTS=DIR in its environment,"
          + " or put roots: [DIR] in devhost.yaml, or use a client that offers roots.";

  /** The kind asked for, else the best this JDK offers, with a note when that is not secure. */
  private static Sandbox.Kind sandboxKind(ServerOptions options) {
    if (options.fsSandbox() != null) {
      return options.fsSandbox().kind();
    }
    Sandbox.Kind best = Sandbox.Kind.bestAvailable();
    if (best == Sandbox.Kind.PORTABLE) {
      LOG.warn(
          "This JDK has no SecureDirectoryStream; the file tools use the portable sandbox"
              + " (--fs-sandbox portable, see docs/security.md).");
    }
    return best;
  }

  private static Sandbox sandbox(
      ServerOptions options, List<Path> roots, List<Path> defaultRoots, Sandbox.Kind kind) {
    return Sandbox.builder()
        .kind(kind)
        .allowHardLinks(options.allowHardLinks())
        .roots(roots)
        .defaultRoots(defaultRoots)
        .noRootHint(HOW_TO_SET_A_ROOT)
        .readOnlyRoots(options.readOnlyRoots())
        .deny(options.deny())
        .maxWriteBytes(options.maxWriteBytes())
        .build();
  }
}

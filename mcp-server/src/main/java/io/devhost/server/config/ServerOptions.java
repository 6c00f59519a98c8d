package io.devhost.server.config;

import io.devhost.fs.Sandbox;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that builds the toolsets. Each option can also come from an
 * environment variable ({@code DEVHOST_} + the name in upper snake case) or from the config file
 * (the name as key), in that order of precedence after the flag itself.
 */
public final class ServerOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Config file (YAML). Default: devhost.yaml in the working directory, if any.")
  Path config;

  @Option(
      names = "--toolsets",
      split = ",",
      paramLabel = "ID",
      description =
          "Toolsets to enable, comma-separated. Available: ${COMPLETION-CANDIDATES}. Default:"
              + " fs,git, and pg where a database is configured (--db, --database-url,"
              + " DATABASE_URL, db: in the config file) or with --demo. pg named without a"
              + " database starts an embedded PostgreSQL on first use.")
  List<ToolsetId> toolsets = new ArrayList<>();

  @Option(
      names = "--exclude-tools",
      split = ",",
      paramLabel = "GLOB",
      description = "Tools to leave out, by name or glob (e.g. write_*). Not listed, not callable.")
  List<String> excludeTools = new ArrayList<>();

  @Option(
      names = "--roots",
      split = ",",
      paramLabel = "DIR",
      description =
          "Directories the file and git tools may access. Default: the roots the client offers,"
              + " else the working directory unless it is /, your home directory or a system"
              + " directory; with none, those tools refuse every path and say how to set one.")
  List<Path> roots = new ArrayList<>();

  @Option(
      names = "--demo",
      description =
          "Serve the demo shop instead of your project: a throwaway copy of examples/shop with"
              + " its git history, and its database (migrations, thousands of rows) in the"
              + " embedded PostgreSQL (data under ~/.devhost/demo-postgres). The copy is deleted"
              + " on exit.")
  boolean demo;

  @Option(
      names = "--fs-write",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "List the file tools that write (write_file, edit_file, move_file, delete_file, ...),"
              + " confined to the writable roots. On by default; --no-fs-write hides them.")
  boolean fsWrite = true;

  @Option(
      names = "--git-write",
      defaultValue = "false",
      description =
          "List the git tools that change a repository (add, commit, branch, checkout)."
              + " Off by default.")
  boolean gitWrite;

  @Option(
      names = "--github-repos",
      split = ",",
      paramLabel = "OWNER/REPO",
      description =
          "Repositories the GitHub tools may touch: owner/repo or owner/*, comma-separated."
              + " Default: any the token can see.")
  List<String> githubRepos = new ArrayList<>();

  @Option(
      names = "--github-api-url",
      paramLabel = "URL",
      defaultValue = "https://api.github.com",
      description = "GitHub REST API base; for GitHub Enterprise https://HOST/api/v3.")
  URI githubApiUrl;

  @Option(
      names = "--github-token-file",
      paramLabel = "FILE",
      description =
          "File holding the GitHub token. Default: GITHUB_PERSONAL_ACCESS_TOKEN, GITHUB_TOKEN or GH_TOKEN.")
  Path githubTokenFile;

  @Option(
      names = "--github-write",
      defaultValue = "false",
      description =
          "List the GitHub tools that write (issues, comments, pull requests, reviews)."
              + " Off by default.")
  boolean githubWrite;

  @Option(
      names = "--github-lockdown",
      defaultValue = "false",
      description = "Withhold GitHub text written by users without push access to the repository.")
  boolean githubLockdown;

  @Option(
      names = "--read-only-roots",
      split = ",",
      paramLabel = "DIR",
      description = "Directories the filesystem tools may read but never change.")
  List<Path> readOnlyRoots = new ArrayList<>();

  @Option(
      names = "--deny",
      split = ",",
      paramLabel = "GLOB",
      description =
          "Paths hidden from the filesystem and git tools, added to the defaults (.env*, *.pem,"
              + " *.key, id_rsa*, ...); !GLOB lifts a default, e.g. !.env.example.")
  List<String> deny = new ArrayList<>();

  @Option(
      names = "--max-write-bytes",
      paramLabel = "N",
      defaultValue = "10485760",
      description = "Largest file a filesystem tool writes, in bytes (default: ${DEFAULT-VALUE}).")
  long maxWriteBytes;

  /** How the file and git tools open files; the values of {@code --fs-sandbox}. */
  public enum FsSandbox {
    secure(Sandbox.Kind.SECURE),
    portable(Sandbox.Kind.PORTABLE);

    private final Sandbox.Kind kind;

    FsSandbox(Sandbox.Kind kind) {
      this.kind = kind;
    }

    public Sandbox.Kind kind() {
      return kind;
    }
  }

  @Option(
      names = "--fs-sandbox",
      paramLabel = "KIND",
      description =
          "How the filesystem and git tools open files: secure (directory handles, no race"
              + " window; needs SecureDirectoryStream, which Windows JDKs lack) or portable"
              + " (paths, re-checked around each open; a narrow race window, see"
              + " docs/security.md). Default: secure where available, else portable.")
  FsSandbox fsSandbox;

  @Option(
      names = "--allow-hard-links",
      defaultValue = "false",
      description =
          "Let the filesystem and git tools read, edit, copy and move files that have more than"
              + " one hard link. Off by default: another name of such a file may lie outside the"
              + " roots.")
  boolean allowHardLinks;

  @Option(
      names = "--max-result-bytes",
      paramLabel = "N",
      defaultValue = "4194304",
      description = "Largest tool result sent, in bytes of JSON (default: ${DEFAULT-VALUE}).")
  int maxResultBytes;

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      defaultValue = "warn",
      description =
          "Log level on stderr: error, warn, info, debug, trace (default: ${DEFAULT-VALUE}).")
  String logLevel;

  @Option(
      names = "--log-file",
      paramLabel = "FILE",
      description = "Write logs to this file instead of stderr. Logs never go to stdout.")
  Path logFile;

  @Mixin PostgresOptions postgres = new PostgresOptions();

  /** The toolsets to build: those named, else fs and git, with pg where it has a database. */
  public List<ToolsetId> toolsets() {
    if (!toolsets.isEmpty()) {
      return List.copyOf(toolsets);
    }
    return demo || postgres.databaseConfigured()
        ? List.of(ToolsetId.fs, ToolsetId.git, ToolsetId.pg)
        : List.of(ToolsetId.fs, ToolsetId.git);
  }

  public List<String> excludeTools() {
    return List.copyOf(excludeTools);
  }

  /** The writable roots given by flag, environment or config file; empty when none was. */
  public List<Path> roots() {
    return List.copyOf(roots);
  }

  /** True when some root, writable or read-only, was configured. */
  public boolean rootsConfigured() {
    return !roots.isEmpty() || !readOnlyRoots.isEmpty();
  }

  public boolean demo() {
    return demo;
  }

  /** For {@code devhost demo}, which is always the demo. */
  public void useDemo() {
    demo = true;
  }

  public List<Path> readOnlyRoots() {
    return List.copyOf(readOnlyRoots);
  }

  public List<String> deny() {
    return List.copyOf(deny);
  }

  public long maxWriteBytes() {
    return maxWriteBytes;
  }

  /** The sandbox kind asked for, or null to use the best this JDK offers. */
  public FsSandbox fsSandbox() {
    return fsSandbox;
  }

  public boolean allowHardLinks() {
    return allowHardLinks;
  }

  /**
   * The toolsets whose writing tools are listed: the one write rule, the same for every toolset and
   * applied in {@code ToolVisibility}. PostgreSQL writes follow the databases: execute is listed
   * when some database is read-write.
   */
  public Set<String> writableToolsets() {
    var writable = new HashSet<String>();
    if (fsWrite) {
      writable.add(ToolsetId.fs.name());
    }
    if (gitWrite) {
      writable.add(ToolsetId.git.name());
    }
    if (githubWrite) {
      writable.add(ToolsetId.github.name());
    }
    if (postgres.anyReadWrite()) {
      writable.add(ToolsetId.pg.name());
    }
    return Set.copyOf(writable);
  }

  public List<String> githubRepos() {
    return List.copyOf(githubRepos);
  }

  public URI githubApiUrl() {
    return githubApiUrl;
  }

  public Path githubTokenFile() {
    return githubTokenFile;
  }

  public boolean githubLockdown() {
    return githubLockdown;
  }

  public int maxResultBytes() {
    return maxResultBytes;
  }

  public PostgresOptions postgres() {
    return postgres;
  }
}

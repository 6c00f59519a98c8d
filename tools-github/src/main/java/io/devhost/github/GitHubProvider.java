package io.devhost.github;

import io.devhost.core.Toolset;
import io.devhost.core.ToolsetContext;
import io.devhost.core.ToolsetOptions;
import io.devhost.core.ToolsetProvider;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The {@code github} toolset as a plugin: off unless named, read-only unless asked. */
public final class GitHubProvider implements ToolsetProvider {

  /**
   * How long one GitHub call may spend waiting out rate limits before it reports them. Common MCP
   * clients give up on a request after 60 s, so a wait must end well before that.
   */
  static final Duration RETRY_BUDGET = Duration.ofSeconds(30);

  /** The options of the GitHub toolset. */
  public static final class Options {
    @Option(
        names = "--github-repos",
        split = ",",
        paramLabel = "OWNER/REPO",
        description =
            "Repositories the GitHub tools may touch: owner/repo or owner/*, comma-separated."
                + " Default: any the token can see.")
    List<String> repos = new ArrayList<>();

    @Option(
        names = "--github-api-url",
        paramLabel = "URL",
        defaultValue = "https://api.github.com",
        description = "GitHub REST API base; for GitHub Enterprise https://HOST/api/v3.")
    URI apiUrl;

    @Option(
        names = "--github-token-file",
        paramLabel = "FILE",
        description =
            "File holding the GitHub token. Default: GITHUB_PERSONAL_ACCESS_TOKEN, GITHUB_TOKEN or GH_TOKEN.")
    Path tokenFile;

    @Option(
        names = "--github-write",
        defaultValue = "false",
        description =
            "List the GitHub tools that write (issues, comments, pull requests, reviews)."
                + " Off by default.")
    boolean write;

    @Option(
        names = "--github-lockdown",
        defaultValue = "false",
        description =
            "Withhold GitHub text written by users without push access to the repository.")
    boolean lockdown;
  }

  @Override
  public String id() {
    return "github";
  }

  @Override
  public String description() {
    return "GitHub issues, pull requests, reviews and code search through the REST API";
  }

  @Override
  public List<Class<?>> optionGroups() {
    return List.of(Options.class);
  }

  @Override
  public String onByDefaultWhen() {
    return null;
  }

  @Override
  public Set<String> writeSwitchesOn(ToolsetOptions options) {
    return options.get(Options.class).write ? Set.of(GitHubToolset.WRITE_SWITCH) : Set.of();
  }

  @Override
  public Toolset create(ToolsetOptions options, ToolsetContext context) {
    var github = options.get(Options.class);
    var url = github.apiUrl;
    if (url == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
      throw new IllegalArgumentException(
          "--github-api-url must be an http(s) URL, got " + url + ".");
    }
    var client =
        new GitHubClient(
            url,
            GitHubToken.resolve(github.tokenFile, context.environment()),
            context.userAgent(),
            RETRY_BUDGET);
    return new GitHubToolset(client, RepoAllowlist.of(github.repos), github.lockdown);
  }
}

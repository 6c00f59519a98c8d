package io.devhost.git;

import io.devhost.core.PathPolicy;
import io.devhost.core.ResourceTemplateSpec;
import io.devhost.core.ToolSpec;
import io.devhost.core.Toolset;
import java.util.ArrayList;
import java.util.List;

/**
 * The history of the repositories under the allowed roots, through JGit; nothing configured in a
 * repository ever runs (see {@link NoExecFs}). Its writing tools are marked as such and the server
 * decides whether they are listed (in DevHost: only with {@code --git-write}).
 */
public final class GitToolset implements Toolset {

  /** The switch of the tools that change a repository: {@code --git-write}. */
  static final String WRITE_SWITCH = "git-write";

  private final GitRepositories repos;

  public GitToolset(PathPolicy paths) {
    this.repos = new GitRepositories(paths);
  }

  @Override
  public boolean usesClientRoots() {
    return true;
  }

  @Override
  public String id() {
    return "git";
  }

  @Override
  public String instructions() {
    return "Git: history of the repositories under the allowed roots (git_log, git_show, git_diff,"
        + " git_blame, git_grep, git_read_file at any ref). Every git tool takes repo (default:"
        + " the working directory's repository), ref for a revision, path for a file. Files"
        + " hidden by the deny rules (secrets such as .env) stay hidden at every revision; do not"
        + " look for their content another way.";
  }

  @Override
  public List<ToolSpec<?, ?>> tools() {
    var tools = new ArrayList<ToolSpec<?, ?>>();
    tools.add(GitStatus.spec(repos));
    tools.add(GitLog.spec(repos));
    tools.add(GitShow.spec(repos));
    tools.add(GitDiff.spec(repos));
    tools.add(GitBlame.spec(repos));
    tools.add(GitBranches.spec(repos));
    tools.add(GitTags.spec(repos));
    tools.add(GitGrep.spec(repos));
    tools.add(GitReadFile.spec(repos));
    tools.add(GitAdd.spec(repos));
    tools.add(GitCommit.spec(repos));
    tools.add(GitCreateBranch.spec(repos));
    tools.add(GitCheckout.spec(repos));
    return List.copyOf(tools);
  }

  @Override
  public List<ResourceTemplateSpec> resourceTemplates() {
    return List.of(GitFileResource.spec(repos));
  }
}

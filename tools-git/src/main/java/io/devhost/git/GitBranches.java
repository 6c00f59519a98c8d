package io.devhost.git;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ListBranchCommand;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/** Local (and optionally remote-tracking) branches. */
final class GitBranches {

  static final int MAX_BRANCHES = 1000;

  private GitBranches() {}

  record Input(
      @Schema(description = GitArgs.REPO) String repo,
      @Schema(description = "Include remote-tracking branches.") Boolean remote) {}

  record Branch(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sha,
      @Schema(description = "True for the checked-out branch.") Boolean current,
      @Schema(description = "True for a remote-tracking branch.") Boolean remote,
      @Schema(description = "The branch it tracks, e.g. origin/main.") String upstream) {}

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Branch> branches,
      boolean truncated) {}

  static ToolSpec<Input, Output> spec(GitRepositories repos) {
    return ToolSpec.builder("git_branches", Input.class, Output.class)
        .title("Git branches")
        .description("Lists branches with their commit ids, the current one and upstreams.")
        .idempotent()
        .handler((ctx, in) -> repos.with(ctx, in.repo(), repo -> list(repo, in)))
        .render(GitBranches::render)
        .build();
  }

  private static Output list(Repository repo, Input in) throws Exception {
    var cmd = Git.wrap(repo).branchList();
    if (Boolean.TRUE.equals(in.remote())) {
      cmd.setListMode(ListBranchCommand.ListMode.ALL);
    }
    String current = repo.getFullBranch();
    var out = new ArrayList<Branch>();
    for (Ref ref : cmd.call()) {
      if (out.size() == MAX_BRANCHES) {
        return new Output(out, true);
      }
      if (ref.getObjectId() == null) {
        continue;
      }
      boolean remote = ref.getName().startsWith("refs/remotes/");
      String name = Repository.shortenRefName(ref.getName());
      String upstream = null;
      if (!remote) {
        String tracking = new BranchConfig(repo.getConfig(), name).getTrackingBranch();
        upstream = tracking == null ? null : Repository.shortenRefName(tracking);
      }
      out.add(
          new Branch(
              name,
              ref.getObjectId().getName(),
              ref.getName().equals(current) ? Boolean.TRUE : null,
              remote ? Boolean.TRUE : null,
              upstream));
    }
    return new Output(out, false);
  }

  private static String render(Output out) {
    var sb = new StringBuilder();
    for (Branch b : out.branches()) {
      sb.append(Boolean.TRUE.equals(b.current()) ? "* " : "  ")
          .append(b.name())
          .append(' ')
          .append(b.sha(), 0, 10);
      if (b.upstream() != null) {
        sb.append(" [").append(b.upstream()).append(']');
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}

package io.devhost.git;

import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;

/** Creates a branch at a revision without checking it out. */
final class GitCreateBranch {

  private GitCreateBranch() {}

  record Input(
      @Schema(description = "Name of the new branch.", requiredMode = Schema.RequiredMode.REQUIRED)
          String branch,
      @Schema(description = GitArgs.REPO) String repo,
      @Schema(description = "Where the branch starts. " + GitArgs.REF) String ref) {
    Input {
      GitArgs.branch(branch);
      GitArgs.ref("ref", ref);
    }
  }

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String branch,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sha) {}

  static ToolSpec<Input, Output> spec(GitRepositories repos) {
    return ToolSpec.builder("git_create_branch", Input.class, Output.class)
        .title("Create a branch")
        .description(
            "Creates branch at ref (default HEAD) without switching to it; fails if it exists."
                + " Use git_checkout to switch.")
        .writes(GitToolset.WRITE_SWITCH)
        .handler((ctx, in) -> repos.with(ctx, in.repo(), repo -> create(repo, in)))
        .build();
  }

  private static Output create(Repository repo, Input in) throws Exception {
    if (repo.exactRef("refs/heads/" + in.branch()) != null) {
      throw new ToolException(
          ToolException.Kind.CONFLICT, "Branch " + in.branch() + " already exists.");
    }
    var start = GitArgs.resolve(repo, in.ref());
    var ref =
        Git.wrap(repo).branchCreate().setName(in.branch()).setStartPoint(start.getName()).call();
    return new Output(Repository.shortenRefName(ref.getName()), ref.getObjectId().getName());
  }
}

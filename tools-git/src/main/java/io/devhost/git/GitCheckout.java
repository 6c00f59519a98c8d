package io.devhost.git;

import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import org.eclipse.jgit.api.CheckoutResult;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.CheckoutConflictException;
import org.eclipse.jgit.lib.Repository;

/**
 * Switches the working tree to a branch or revision. Refuses when local changes would be
 * overwritten (JGit's default, never forced), but it still rewrites the working tree, so it is
 * marked destructive and goes through confirmation.
 */
final class GitCheckout {

  private GitCheckout() {}

  record Input(
      @Schema(
              description = "Branch to switch to, or a revision (detached HEAD).",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String ref,
      @Schema(description = GitArgs.REPO) String repo) {
    Input {
      if (ref == null) {
        throw new IllegalArgumentException("ref is required: the branch or revision to check out.");
      }
      GitArgs.ref("ref", ref);
    }
  }

  record Output(
      @Schema(description = "The branch now checked out; absent when HEAD is detached.")
          String branch,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String head) {}

  static ToolSpec<Input, Output> spec(GitRepositories repos) {
    return ToolSpec.builder("git_checkout", Input.class, Output.class)
        .title("Git checkout")
        .description(
            "Switches the working tree to a branch (or a revision, detaching HEAD). Refuses when"
                + " uncommitted changes would be overwritten. No hooks or smudge filters run.")
        .destructive(GitToolset.WRITE_SWITCH)
        .handler((ctx, in) -> repos.with(ctx, in.repo(), repo -> checkout(repo, in)))
        .build();
  }

  private static Output checkout(Repository repo, Input in) throws Exception {
    if (repo.isBare()) {
      throw ToolException.invalid("The repository is bare; it has no working tree.");
    }
    boolean isBranch = repo.exactRef("refs/heads/" + in.ref()) != null;
    String target = isBranch ? in.ref() : GitArgs.resolve(repo, in.ref()).getName();
    var cmd = Git.wrap(repo).checkout().setName(target);
    try {
      cmd.call();
    } catch (CheckoutConflictException e) {
      throw new ToolException(
          ToolException.Kind.CONFLICT,
          "Checkout of "
              + in.ref()
              + " would overwrite local changes in "
              + e.getConflictingPaths()
              + ". Commit them first (git_add, git_commit).");
    }
    if (cmd.getResult().getStatus() != CheckoutResult.Status.OK) {
      throw new ToolException(
          ToolException.Kind.CONFLICT,
          "Checkout of " + in.ref() + " did not complete: " + cmd.getResult().getStatus() + ".");
    }
    String full = repo.getFullBranch();
    String branch =
        full != null && full.startsWith("refs/") ? Repository.shortenRefName(full) : null;
    return new Output(branch, repo.resolve("HEAD").getName());
  }
}

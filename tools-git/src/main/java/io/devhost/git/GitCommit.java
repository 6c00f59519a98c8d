package io.devhost.git;

import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;

/** Records the staged changes as a new commit on the current branch. */
final class GitCommit {

  private GitCommit() {}

  record Input(
      @Schema(description = "Commit message.", requiredMode = Schema.RequiredMode.REQUIRED)
          String message,
      @Schema(description = GitArgs.REPO) String repo) {
    Input {
      if (message == null || message.isBlank()) {
        throw new IllegalArgumentException("message is required and must not be blank.");
      }
    }
  }

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sha,
      String branch,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String subject) {}

  static ToolSpec<Input, Output> spec(GitRepositories repos) {
    return ToolSpec.builder("git_commit", Input.class, Output.class)
        .title("Git commit")
        .description(
            "Commits the staged changes (see git_add) with message, authored by the configured"
                + " git user. No hooks run and nothing is signed.")
        .writes(GitToolset.WRITE_SWITCH)
        .handler((ctx, in) -> repos.with(ctx, in.repo(), repo -> commit(repo, in)))
        .render(out -> "Committed " + out.sha() + " on " + out.branch() + ": " + out.subject())
        .build();
  }

  private static Output commit(Repository repo, Input in) throws Exception {
    var git = Git.wrap(repo);
    if (!hasStaged(git)) {
      throw ToolException.invalid("Nothing is staged; stage files with git_add first.");
    }
    var commit =
        git.commit()
            .setMessage(in.message())
            .setNoVerify(true) // pre-commit and commit-msg hooks
            .setSign(false)
            .setAllowEmpty(false)
            .call();
    String branch = repo.getBranch();
    return new Output(commit.getName(), branch, commit.getShortMessage());
  }

  private static boolean hasStaged(Git git) throws Exception {
    var s = git.status().call();
    return !s.getAdded().isEmpty() || !s.getChanged().isEmpty() || !s.getRemoved().isEmpty();
  }
}

package io.devhost.git;

import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;

/** Stages files, like {@code git add} (deletions of the given paths included). */
final class GitAdd {

  private GitAdd() {}

  record Input(
      @Schema(
              description = "Files or directories to stage, relative to the repository's top.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          List<String> paths,
      @Schema(description = GitArgs.REPO) String repo) {
    Input {
      if (paths == null || paths.isEmpty()) {
        throw new IllegalArgumentException("paths is required: the files to stage.");
      }
      var clean = new ArrayList<String>();
      for (String p : paths) {
        clean.add(GitArgs.path("paths", p));
      }
      paths = List.copyOf(clean);
    }
  }

  record Output(
      @Schema(description = "Staged changes after the call.") List<GitStatus.PathStatus> staged) {}

  static ToolSpec<Input, Output> spec(GitRepositories repos) {
    return ToolSpec.builder("git_add", Input.class, Output.class)
        .title("Git add")
        .description(
            "Stages files (new, modified or deleted) for the next commit. No clean filters or"
                + " hooks run. Refuses to stage a file hidden by the deny rules (secrets).")
        .writes(GitToolset.WRITE_SWITCH)
        .idempotent()
        .handler(
            (ctx, in) ->
                repos.with(ctx, in.repo(), repo -> add(repo, repos.deniedPaths(repo, ctx), in)))
        .build();
  }

  private static Output add(Repository repo, DeniedPaths denied, Input in) throws Exception {
    if (repo.isBare()) {
      throw ToolException.invalid("The repository is bare; it has no working tree to stage from.");
    }
    var git = Git.wrap(repo);
    requireNoDeniedChange(git, denied, in.paths());
    // --all: new, modified and deleted files in one index write, so the staging is all or nothing.
    var add = git.add().setAll(true);
    for (String p : in.paths()) {
      add.addFilepattern(p.isEmpty() ? "." : p);
    }
    add.call();
    var status = git.status().call();
    var staged = new ArrayList<GitStatus.PathStatus>();
    status.getAdded().stream()
        .sorted()
        .forEach(p -> staged.add(new GitStatus.PathStatus(p, "added")));
    status.getChanged().stream()
        .sorted()
        .forEach(p -> staged.add(new GitStatus.PathStatus(p, "modified")));
    status.getRemoved().stream()
        .sorted()
        .forEach(p -> staged.add(new GitStatus.PathStatus(p, "deleted")));
    return new Output(
        staged.size() > GitStatus.MAX_PATHS ? staged.subList(0, GitStatus.MAX_PATHS) : staged);
  }

  /**
   * Refuses the whole call when it would stage a change to a file the deny rules hide: the file
   * tools never write such a file, and a secret staged is one commit away from the history (and a
   * push away from a remote).
   */
  private static void requireNoDeniedChange(Git git, DeniedPaths denied, List<String> paths)
      throws Exception {
    var status = git.status();
    if (!paths.contains("")) {
      paths.forEach(status::addPath);
    }
    var s = status.call();
    var changed = new TreeSet<String>(s.getUntracked());
    changed.addAll(s.getModified());
    changed.addAll(s.getMissing());
    for (String path : changed) {
      Optional<String> why =
          denied
              .ruleFor(path)
              .map(rule -> "the deny rule '" + rule + "' protects.")
              .or(() -> denied.hardLinkRefusal(path));
      if (why.isPresent()) {
        throw ToolException.denied(
            "Access denied: staging "
                + paths
                + " would stage "
                + path
                + ", which "
                + why.get()
                + " Nothing was staged; stage the other files by name.");
      }
    }
  }
}

package io.devhost.git;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;

/** What changed in the working tree and the index, like {@code git status}. */
final class GitStatus {

  static final int MAX_PATHS = 1000;

  private GitStatus() {}

  record Input(@Schema(description = GitArgs.REPO) String repo) {}

  record Output(
      @Schema(description = "The checked-out branch; absent when HEAD is detached.") String branch,
      @Schema(description = "The commit HEAD points at; absent before the first commit.")
          String head,
      @Schema(description = "Staged: added, changed or removed in the index.")
          List<PathStatus> staged,
      @Schema(description = "Not staged: modified or deleted in the working tree.")
          List<PathStatus> unstaged,
      List<String> untracked,
      List<String> conflicting,
      @Schema(description = "True when a list stopped at " + MAX_PATHS + " paths.")
          boolean truncated) {}

  record PathStatus(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String path,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String change) {}

  static ToolSpec<Input, Output> spec(GitRepositories repos) {
    return ToolSpec.builder("git_status", Input.class, Output.class)
        .title("Git status")
        .description(
            "Shows the current branch and which files are staged, modified, untracked or in"
                + " conflict.")
        .idempotent()
        .handler((ctx, in) -> repos.with(ctx, in.repo(), GitStatus::status))
        .render(GitStatus::render)
        .build();
  }

  private static Output status(Repository repo) throws Exception {
    var s = Git.wrap(repo).status().call();
    var staged = new ArrayList<PathStatus>();
    add(staged, s.getAdded(), "added");
    add(staged, s.getChanged(), "modified");
    add(staged, s.getRemoved(), "deleted");
    var unstaged = new ArrayList<PathStatus>();
    add(unstaged, s.getModified(), "modified");
    add(unstaged, s.getMissing(), "deleted");
    var untracked = new ArrayList<>(new TreeSet<>(s.getUntracked()));
    var conflicting = new ArrayList<>(new TreeSet<>(s.getConflicting()));
    boolean truncated =
        staged.size() > MAX_PATHS
            || unstaged.size() > MAX_PATHS
            || untracked.size() > MAX_PATHS
            || conflicting.size() > MAX_PATHS;
    var head = repo.resolve("HEAD");
    String full = repo.getFullBranch();
    String branch =
        full != null && full.startsWith("refs/heads/") ? Repository.shortenRefName(full) : null;
    return new Output(
        branch,
        head == null ? null : head.getName(),
        cap(staged),
        cap(unstaged),
        cap(untracked),
        cap(conflicting),
        truncated);
  }

  private static void add(List<PathStatus> out, Collection<String> paths, String change) {
    new TreeSet<>(paths).forEach(p -> out.add(new PathStatus(p, change)));
  }

  private static <T> List<T> cap(List<T> list) {
    return list.size() > MAX_PATHS ? List.copyOf(list.subList(0, MAX_PATHS)) : list;
  }

  private static String render(Output out) {
    var sb = new StringBuilder();
    sb.append("On ").append(out.branch() == null ? "detached HEAD" : "branch " + out.branch());
    sb.append('\n');
    out.staged()
        .forEach(
            p ->
                sb.append("staged    ")
                    .append(p.change())
                    .append(": ")
                    .append(p.path())
                    .append('\n'));
    out.unstaged()
        .forEach(
            p ->
                sb.append("unstaged  ")
                    .append(p.change())
                    .append(": ")
                    .append(p.path())
                    .append('\n'));
    out.untracked().forEach(p -> sb.append("untracked ").append(p).append('\n'));
    out.conflicting().forEach(p -> sb.append("conflict  ").append(p).append('\n'));
    if (out.staged().isEmpty() && out.unstaged().isEmpty() && out.untracked().isEmpty()) {
      sb.append("nothing to commit, working tree clean\n");
    }
    return sb.toString();
  }
}

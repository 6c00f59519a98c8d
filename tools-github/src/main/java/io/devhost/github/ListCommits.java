package io.devhost.github;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/** Commits of a repository on GitHub, newest first. */
final class ListCommits {

  private ListCommits() {}

  record Input(
      @Schema(description = GitHubArgs.REPO, requiredMode = Schema.RequiredMode.REQUIRED)
          String repo,
      @Schema(description = "Branch, tag or sha to start from.") String ref,
      @Schema(description = "Only commits touching this path.") String path,
      @Schema(description = "GitHub login or email of the author.") String author,
      @Schema(description = "ISO-8601 date: only commits after it.") String since,
      @Schema(description = "ISO-8601 date: only commits before it.") String until,
      @Schema(description = GitHubArgs.PAGE) Integer page,
      @Schema(description = GitHubArgs.PER_PAGE) Integer perPage,
      @Schema(description = Fields.DESCRIPTION) List<String> fields) {
    Input {
      GitHubArgs.repo(repo);
      GitHubArgs.ref("ref", ref);
      GitHubArgs.page(page, perPage);
      fields = Fields.check(fields, CommitItem.class);
    }
  }

  record Output(List<CommitItem> commits, Integer nextPage) {}

  static ToolSpec<Input, Output> spec(GitHub gh) {
    return ToolSpec.builder("list_commits", Input.class, Output.class)
        .title("GitHub: list commits")
        .description("Lists commits of a GitHub repository, filtered by ref, path, author, dates.")
        .idempotent()
        .openWorld()
        .handler(
            (ctx, in) -> {
              var r =
                  gh.repoPage(
                      ctx,
                      in.repo(),
                      "/commits",
                      in.page(),
                      in.perPage(),
                      "sha",
                      in.ref(),
                      "path",
                      in.path(),
                      "author",
                      in.author(),
                      "since",
                      in.since(),
                      "until",
                      in.until());
              var commits = new ArrayList<CommitItem>();
              r.json().forEach(n -> commits.add(CommitItem.from(n, null)));
              return new Output(
                  Fields.select(commits, in.fields(), CommitItem.class), r.nextPage());
            })
        .render(out -> ResultTextOf.lines(out.commits(), CommitItem::line, out.nextPage()))
        .build();
  }
}

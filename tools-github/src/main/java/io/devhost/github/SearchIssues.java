package io.devhost.github;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Issue and pull request search, scoped to the allowed repositories. */
final class SearchIssues {

  private SearchIssues() {}

  record Input(
      @Schema(
              description = "GitHub issue search query, e.g. 'is:pr is:open label:bug'.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String query,
      @Schema(description = GitHubArgs.PAGE) Integer page,
      @Schema(description = GitHubArgs.PER_PAGE) Integer perPage,
      @Schema(description = Fields.DESCRIPTION) List<String> fields) {
    Input {
      if (query == null || query.isBlank()) {
        throw new IllegalArgumentException("query is required.");
      }
      GitHubArgs.page(page, perPage);
      fields = Fields.check(fields, IssueItem.class);
    }
  }

  record Output(Long totalCount, List<IssueItem> items, Integer nextPage) {}

  static ToolSpec<Input, Output> spec(GitHub gh) {
    return ToolSpec.builder("search_issues", Input.class, Output.class)
        .title("GitHub: search issues and PRs")
        .description("Searches issues and pull requests in the allowed repositories (no bodies).")
        .idempotent()
        .openWorld()
        .handler(
            (ctx, in) -> {
              var found =
                  gh.search(
                      ctx,
                      "issues",
                      in.query(),
                      in.page(),
                      in.perPage(),
                      n -> IssueItem.from(n, gh.bodies(), false),
                      IssueItem::repo);
              return new Output(
                  found.totalCount(),
                  Fields.select(found.items(), in.fields(), IssueItem.class),
                  found.nextPage());
            })
        .render(
            out -> ResultTextOf.lines(out.items(), i -> i.repo() + " " + i.line(), out.nextPage()))
        .build();
  }
}

package io.devhost.github;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
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
              String q = gh.allowlist().scopeQuery(in.query());
              var r =
                  gh.client()
                      .get(
                          ctx,
                          "/search/issues",
                          GitHubClient.query("q", q, "page", in.page(), "per_page", in.perPage()));
              var json = r.json();
              var items = new ArrayList<IssueItem>();
              for (var n : json.path("items")) {
                var item = IssueItem.from(n, gh.bodies(), false);
                if (item.repo() != null && gh.allowlist().allows(item.repo())) {
                  items.add(item);
                }
              }
              return new Output(
                  json.path("total_count").asLong(),
                  Fields.select(items, in.fields(), IssueItem.class),
                  r.nextPage());
            })
        .render(
            out -> ResultTextOf.lines(out.items(), i -> i.repo() + " " + i.line(), out.nextPage()))
        .build();
  }
}

package io.devhost.github;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/** Issues of a repository (pull requests left out). */
final class ListIssues {

  private ListIssues() {}

  record Input(
      @Schema(description = GitHubArgs.REPO, requiredMode = Schema.RequiredMode.REQUIRED)
          String repo,
      @Schema(
              allowableValues = {"open", "closed", "all"},
              defaultValue = "open")
          String state,
      @Schema(description = "Comma-separated label names.") String labels,
      @Schema(description = "ISO-8601: only issues updated after it.") String since,
      @Schema(description = GitHubArgs.PAGE) Integer page,
      @Schema(description = GitHubArgs.PER_PAGE) Integer perPage,
      @Schema(description = Fields.DESCRIPTION) List<String> fields) {
    Input {
      GitHubArgs.repo(repo);
      GitHubArgs.state(state);
      GitHubArgs.page(page, perPage);
      fields = Fields.check(fields, IssueItem.class);
    }
  }

  record Output(List<IssueItem> issues, Integer nextPage) {}

  static ToolSpec<Input, Output> spec(GitHub gh) {
    return ToolSpec.builder("list_issues", Input.class, Output.class)
        .title("GitHub: list issues")
        .description("Lists issues of a repository, newest first, without bodies (see get_issue).")
        .idempotent()
        .openWorld()
        .handler(
            (ctx, in) -> {
              var r =
                  gh.repoPage(
                      ctx,
                      in.repo(),
                      "/issues",
                      in.page(),
                      in.perPage(),
                      "state",
                      in.state(),
                      "labels",
                      in.labels(),
                      "since",
                      in.since());
              var issues = new ArrayList<IssueItem>();
              for (var n : r.json()) {
                if (!n.has("pull_request")) {
                  issues.add(IssueItem.from(n, gh.bodies(), false));
                }
              }
              return new Output(Fields.select(issues, in.fields(), IssueItem.class), r.nextPage());
            })
        .render(out -> ResultTextOf.lines(out.issues(), IssueItem::line, out.nextPage()))
        .build();
  }
}

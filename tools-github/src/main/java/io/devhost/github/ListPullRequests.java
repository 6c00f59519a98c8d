package io.devhost.github;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/** Pull requests of a repository. */
final class ListPullRequests {

  private ListPullRequests() {}

  record Input(
      @Schema(description = GitHubArgs.REPO, requiredMode = Schema.RequiredMode.REQUIRED)
          String repo,
      @Schema(
              allowableValues = {"open", "closed", "all"},
              defaultValue = "open")
          String state,
      @Schema(description = "Only PRs into this base branch.") String base,
      @Schema(description = "Only PRs from this head, as owner:branch.") String head,
      @Schema(description = GitHubArgs.PAGE) Integer page,
      @Schema(description = GitHubArgs.PER_PAGE) Integer perPage,
      @Schema(description = Fields.DESCRIPTION) List<String> fields) {
    Input {
      GitHubArgs.repo(repo);
      GitHubArgs.state(state);
      GitHubArgs.ref("base", base);
      GitHubArgs.page(page, perPage);
      fields = Fields.check(fields, PullItem.class);
    }
  }

  record Output(List<PullItem> pullRequests, Integer nextPage) {}

  static ToolSpec<Input, Output> spec(GitHub gh) {
    return ToolSpec.builder("list_pull_requests", Input.class, Output.class)
        .title("GitHub: list pull requests")
        .description("Lists pull requests of a repository without bodies (see get_pull_request).")
        .idempotent()
        .openWorld()
        .handler(
            (ctx, in) -> {
              var r =
                  gh.repoPage(
                      ctx,
                      in.repo(),
                      "/pulls",
                      in.page(),
                      in.perPage(),
                      "state",
                      in.state(),
                      "base",
                      in.base(),
                      "head",
                      in.head());
              var prs = new ArrayList<PullItem>();
              r.json().forEach(n -> prs.add(PullItem.from(n, gh.bodies(), false)));
              return new Output(Fields.select(prs, in.fields(), PullItem.class), r.nextPage());
            })
        .render(out -> ResultTextOf.lines(out.pullRequests(), PullItem::line, out.nextPage()))
        .build();
  }
}

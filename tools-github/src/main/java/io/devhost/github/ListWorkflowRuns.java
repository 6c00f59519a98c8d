package io.devhost.github;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/** GitHub Actions runs of a repository. */
final class ListWorkflowRuns {

  private ListWorkflowRuns() {}

  record Input(
      @Schema(description = GitHubArgs.REPO, requiredMode = Schema.RequiredMode.REQUIRED)
          String repo,
      @Schema(description = "Only runs on this branch.") String branch,
      @Schema(description = "e.g. completed, in_progress, failure, success.") String status,
      @Schema(description = "Workflow file name or id, e.g. ci.yml.") String workflow,
      @Schema(description = GitHubArgs.PAGE) Integer page,
      @Schema(description = GitHubArgs.PER_PAGE) Integer perPage,
      @Schema(description = Fields.DESCRIPTION) List<String> fields) {
    Input {
      GitHubArgs.repo(repo);
      GitHubArgs.ref("branch", branch);
      if (workflow != null && !workflow.matches("[A-Za-z0-9_.-]+")) {
        throw new IllegalArgumentException("workflow must be a file name like ci.yml or an id.");
      }
      GitHubArgs.page(page, perPage);
      fields = Fields.check(fields, RunItem.class);
    }
  }

  record Output(Long totalCount, List<RunItem> runs, Integer nextPage) {}

  static ToolSpec<Input, Output> spec(GitHub gh) {
    return ToolSpec.builder("list_workflow_runs", Input.class, Output.class)
        .title("GitHub: list workflow runs")
        .description("Lists GitHub Actions runs, newest first; get_job_logs reads a run's logs.")
        .idempotent()
        .openWorld()
        .handler(
            (ctx, in) -> {
              String base = gh.repoPath(in.repo()) + "/actions";
              String path =
                  in.workflow() == null
                      ? base + "/runs"
                      : base + "/workflows/" + in.workflow() + "/runs";
              var r =
                  gh.client()
                      .get(
                          ctx,
                          path,
                          GitHubClient.query(
                              "branch",
                              in.branch(),
                              "status",
                              in.status(),
                              "page",
                              in.page(),
                              "per_page",
                              in.perPage()));
              var json = r.json();
              var runs = new ArrayList<RunItem>();
              json.path("workflow_runs").forEach(n -> runs.add(RunItem.from(n)));
              return new Output(
                  json.path("total_count").asLong(),
                  Fields.select(runs, in.fields(), RunItem.class),
                  r.nextPage());
            })
        .render(out -> ResultTextOf.lines(out.runs(), RunItem::line, out.nextPage()))
        .build();
  }
}

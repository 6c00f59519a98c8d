package io.devhost.github;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/** The tail of CI job logs: for a whole run (failed jobs by default) or one job. */
final class GetJobLogs {

  static final int DEFAULT_TAIL = 200;
  static final int MAX_TAIL = 2000;
  static final int MAX_JOBS = 10;

  private GetJobLogs() {}

  record Input(
      @Schema(description = GitHubArgs.REPO, requiredMode = Schema.RequiredMode.REQUIRED)
          String repo,
      @Schema(description = "Workflow run id: logs of its jobs.") Long runId,
      @Schema(description = "One job id instead of a run.") Long jobId,
      @Schema(description = "With runId: only failed jobs (default true).") Boolean failedOnly,
      @Schema(description = "Last N lines per job (default 200, at most 2000).")
          Integer tailLines) {
    Input {
      GitHubArgs.repo(repo);
      if ((runId == null) == (jobId == null)) {
        throw new IllegalArgumentException("Pass exactly one of runId or jobId.");
      }
      if (tailLines != null && (tailLines < 1 || tailLines > MAX_TAIL)) {
        throw new IllegalArgumentException("tailLines must be 1 to " + MAX_TAIL + ".");
      }
    }
  }

  record JobLog(Long jobId, String name, String conclusion, Integer totalLines, String log) {}

  record Output(List<JobLog> jobs) {}

  static ToolSpec<Input, Output> spec(GitHub gh) {
    return ToolSpec.builder("get_job_logs", Input.class, Output.class)
        .title("GitHub: job logs")
        .description("The last lines of Actions job logs: a run's failed jobs, or one job.")
        .idempotent()
        .openWorld()
        .handler((ctx, in) -> logs(gh, ctx, in))
        .render(
            out -> {
              var sb = new StringBuilder();
              out.jobs()
                  .forEach(
                      j ->
                          sb.append(
                                  UntrustedText.fence(
                                      "log of job " + j.name() + " (" + j.conclusion() + ")",
                                      j.log()))
                              .append('\n'));
              return out.jobs().isEmpty() ? "No matching jobs." : sb.toString();
            })
        .build();
  }

  private static Output logs(GitHub gh, ToolContext ctx, Input in) {
    String base = gh.repoPath(in.repo()) + "/actions";
    int tail = in.tailLines() == null ? DEFAULT_TAIL : in.tailLines();
    var jobs = new ArrayList<tools.jackson.databind.JsonNode>();
    if (in.jobId() != null) {
      jobs.add(gh.client().get(ctx, base + "/jobs/" + in.jobId(), java.util.Map.of()).json());
    } else {
      var all =
          gh.client()
              .get(ctx, base + "/runs/" + in.runId() + "/jobs", GitHubClient.query("per_page", 100))
              .json();
      boolean failedOnly = !Boolean.FALSE.equals(in.failedOnly());
      for (var j : all.path("jobs")) {
        if (!failedOnly || "failure".equals(j.path("conclusion").asString(""))) {
          jobs.add(j);
        }
      }
    }
    var out = new ArrayList<JobLog>();
    for (var j : jobs.subList(0, Math.min(jobs.size(), MAX_JOBS))) {
      ctx.throwIfCancelled();
      String log = gh.client().getLog(ctx, base + "/jobs/" + j.path("id").asLong() + "/logs");
      String[] lines = UntrustedText.strip(log).split("\n", -1);
      int total = log.endsWith("\n") ? lines.length - 1 : lines.length;
      int from = Math.max(0, total - tail);
      out.add(
          new JobLog(
              j.path("id").asLong(),
              UntrustedBodies.text(j, "name"),
              j.path("conclusion").asString(null),
              total,
              String.join("\n", java.util.Arrays.asList(lines).subList(from, total))));
    }
    return new Output(out);
  }
}

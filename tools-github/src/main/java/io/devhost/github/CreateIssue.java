package io.devhost.github;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;

/** Opens an issue. */
final class CreateIssue {

  private CreateIssue() {}

  record Input(
      @Schema(description = GitHubArgs.REPO, requiredMode = Schema.RequiredMode.REQUIRED)
          String repo,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
      @Schema(description = "Markdown body.") String body,
      List<String> labels,
      @Schema(description = "Logins to assign.") List<String> assignees) {
    Input {
      GitHubArgs.repo(repo);
      if (title == null || title.isBlank()) {
        throw new IllegalArgumentException("title is required.");
      }
    }
  }

  record Output(Integer number, String url) {}

  static ToolSpec<Input, Output> spec(GitHub gh) {
    return ToolSpec.builder("create_issue", Input.class, Output.class)
        .title("GitHub: create issue")
        .description("Opens an issue in an allowed repository.")
        .writes(GitHubToolset.WRITE_SWITCH)
        .openWorld()
        .handler(
            (ctx, in) -> {
              var body = new LinkedHashMap<String, Object>();
              body.put("title", in.title());
              if (in.body() != null) body.put("body", in.body());
              if (in.labels() != null) body.put("labels", in.labels());
              if (in.assignees() != null) body.put("assignees", in.assignees());
              var n = gh.client().post(ctx, gh.repoPath(in.repo()) + "/issues", body).json();
              return new Output(n.path("number").asInt(), n.path("html_url").asString(null));
            })
        .render(out -> "Created issue #" + out.number() + ": " + out.url())
        .build();
  }
}

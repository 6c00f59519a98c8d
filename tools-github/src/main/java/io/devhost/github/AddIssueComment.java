package io.devhost.github;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** Comments on an issue or pull request. */
final class AddIssueComment {

  private AddIssueComment() {}

  record Input(
      @Schema(description = GitHubArgs.REPO, requiredMode = Schema.RequiredMode.REQUIRED)
          String repo,
      @Schema(
              description = "Issue or pull request number.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          Integer number,
      @Schema(description = "Markdown text.", requiredMode = Schema.RequiredMode.REQUIRED)
          String body) {
    Input {
      GitHubArgs.repo(repo);
      GitHubArgs.positive("number", number);
      if (body == null || body.isBlank()) {
        throw new IllegalArgumentException("body is required.");
      }
    }
  }

  record Output(Long id, String url) {}

  static ToolSpec<Input, Output> spec(GitHub gh) {
    return ToolSpec.builder("add_issue_comment", Input.class, Output.class)
        .title("GitHub: comment")
        .description("Adds a comment to an issue or pull request.")
        .writes(GitHubToolset.WRITE_SWITCH)
        .openWorld()
        .handler(
            (ctx, in) -> {
              String path = gh.repoPath(in.repo()) + "/issues/" + in.number() + "/comments";
              var n = gh.client().post(ctx, path, Map.of("body", in.body())).json();
              return new Output(n.path("id").asLong(), n.path("html_url").asString(null));
            })
        .render(out -> "Commented: " + out.url())
        .build();
  }
}

package io.devhost.github;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reviews a pull request: approve, request changes or comment, with line comments. */
final class CreatePullRequestReview {

  private CreatePullRequestReview() {}

  record LineComment(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String path,
      @Schema(
              description = "Line in the new version of the file.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          Integer line,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String body) {}

  record Input(
      @Schema(description = GitHubArgs.REPO, requiredMode = Schema.RequiredMode.REQUIRED)
          String repo,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer number,
      @Schema(
              allowableValues = {"APPROVE", "REQUEST_CHANGES", "COMMENT"},
              requiredMode = Schema.RequiredMode.REQUIRED)
          String event,
      String body,
      List<LineComment> comments) {
    Input {
      GitHubArgs.repo(repo);
      GitHubArgs.positive("number", number);
      if (event == null || !List.of("APPROVE", "REQUEST_CHANGES", "COMMENT").contains(event)) {
        throw new IllegalArgumentException("event must be APPROVE, REQUEST_CHANGES or COMMENT.");
      }
      if (!"APPROVE".equals(event) && (body == null || body.isBlank())) {
        throw new IllegalArgumentException(event + " needs a body.");
      }
    }
  }

  record Output(Long id, String state, String url) {}

  static ToolSpec<Input, Output> spec(GitHub gh) {
    return ToolSpec.builder("create_pull_request_review", Input.class, Output.class)
        .title("GitHub: review pull request")
        .description(
            "Submits a review: APPROVE, REQUEST_CHANGES or COMMENT, with optional line comments.")
        .writes(GitHubToolset.WRITE_SWITCH)
        .openWorld()
        .handler(
            (ctx, in) -> {
              var body = new LinkedHashMap<String, Object>();
              body.put("event", in.event());
              if (in.body() != null) body.put("body", in.body());
              if (in.comments() != null) {
                body.put(
                    "comments",
                    in.comments().stream()
                        .map(
                            c ->
                                Map.of(
                                    "path", c.path(), "line", c.line(), "body", c.body(), "side",
                                    "RIGHT"))
                        .toList());
              }
              String path = gh.repoPath(in.repo()) + "/pulls/" + in.number() + "/reviews";
              var n = gh.client().post(ctx, path, body).json();
              return new Output(
                  n.path("id").asLong(),
                  n.path("state").asString(null),
                  n.path("html_url").asString(null));
            })
        .render(out -> "Review " + out.state() + ": " + out.url())
        .build();
  }
}

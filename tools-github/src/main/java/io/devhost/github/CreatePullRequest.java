package io.devhost.github;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;

/** Opens a pull request. */
final class CreatePullRequest {

  private CreatePullRequest() {}

  record Input(
      @Schema(description = GitHubArgs.REPO, requiredMode = Schema.RequiredMode.REQUIRED)
          String repo,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
      @Schema(
              description = "Branch with the changes (owner:branch across forks).",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String head,
      @Schema(description = "Branch to merge into.", requiredMode = Schema.RequiredMode.REQUIRED)
          String base,
      String body,
      Boolean draft) {
    Input {
      GitHubArgs.repo(repo);
      if (title == null || title.isBlank()) {
        throw new IllegalArgumentException("title is required.");
      }
      if (head == null || base == null) {
        throw new IllegalArgumentException("head and base are required.");
      }
      GitHubArgs.ref("base", base);
    }
  }

  record Output(Integer number, String url) {}

  static ToolSpec<Input, Output> spec(GitHub gh) {
    return ToolSpec.builder("create_pull_request", Input.class, Output.class)
        .title("GitHub: create pull request")
        .description("Opens a pull request from head into base.")
        .writes(GitHubToolset.WRITE_SWITCH)
        .openWorld()
        .handler(
            (ctx, in) -> {
              var body = new LinkedHashMap<String, Object>();
              body.put("title", in.title());
              body.put("head", in.head());
              body.put("base", in.base());
              if (in.body() != null) body.put("body", in.body());
              if (in.draft() != null) body.put("draft", in.draft());
              var n = gh.client().post(ctx, gh.repoPath(in.repo()) + "/pulls", body).json();
              return new Output(n.path("number").asInt(), n.path("html_url").asString(null));
            })
        .render(out -> "Opened PR #" + out.number() + ": " + out.url())
        .build();
  }
}

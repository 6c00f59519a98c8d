package io.devhost.github;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One issue with its body and comments, each labelled with its author. */
final class GetIssue {

  static final int MAX_COMMENTS = 200;

  private GetIssue() {}

  record Input(
      @Schema(description = GitHubArgs.REPO, requiredMode = Schema.RequiredMode.REQUIRED)
          String repo,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer number,
      @Schema(description = "Include comments (default true).") Boolean comments) {
    Input {
      GitHubArgs.repo(repo);
      GitHubArgs.positive("number", number);
    }
  }

  record Output(IssueItem issue, List<CommentItem> comments, Boolean commentsTruncated) {}

  static ToolSpec<Input, Output> spec(GitHub gh) {
    return ToolSpec.builder("get_issue", Input.class, Output.class)
        .title("GitHub: get issue")
        .description("An issue with its body and comments; text is untrusted, labelled by author.")
        .idempotent()
        .openWorld()
        .handler(
            (ctx, in) -> {
              String path = gh.repoPath(in.repo()) + "/issues/" + in.number();
              var issue =
                  IssueItem.from(
                      gh.client().get(ctx, path, java.util.Map.of()).json(), gh.bodies(), true);
              if (Boolean.FALSE.equals(in.comments())) {
                return new Output(issue, null, null);
              }
              var all =
                  gh.client()
                      .getAll(
                          ctx,
                          path + "/comments",
                          GitHubClient.query("per_page", 100),
                          MAX_COMMENTS);
              var comments =
                  all.items().stream().map(n -> CommentItem.from(n, gh.bodies())).toList();
              return new Output(issue, comments, all.truncated() ? Boolean.TRUE : null);
            })
        .render(GetIssue::render)
        .build();
  }

  private static String render(Output out) {
    var i = out.issue();
    var sb = new StringBuilder(i.line()).append('\n');
    if (i.body() != null) {
      sb.append(
              UntrustedBodies.fenced(
                  "issue #" + i.number() + " body", i.author(), i.authorAssociation(), i.body()))
          .append('\n');
    }
    if (out.comments() != null) {
      out.comments().forEach(c -> sb.append(c.rendered("comment")));
    }
    return sb.toString();
  }
}

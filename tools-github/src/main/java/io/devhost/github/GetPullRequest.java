package io.devhost.github;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One pull request and, on request, its files, diff, reviews, review comments and checks. */
final class GetPullRequest {

  static final int MAX_ITEMS = 300;
  static final int MAX_DIFF_CHARS = 60_000;
  static final List<String> PARTS = List.of("files", "diff", "reviews", "comments", "checks");

  private GetPullRequest() {}

  record Input(
      @Schema(description = GitHubArgs.REPO, requiredMode = Schema.RequiredMode.REQUIRED)
          String repo,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer number,
      @Schema(
              description =
                  "Extras: files, diff, reviews, comments (review comments), checks. Default: files, reviews, checks.")
          List<String> include) {
    Input {
      GitHubArgs.repo(repo);
      GitHubArgs.positive("number", number);
      if (include != null && !PARTS.containsAll(include)) {
        throw new IllegalArgumentException("include takes " + PARTS + ", got " + include + ".");
      }
    }

    boolean wants(String part) {
      return include == null
          ? List.of("files", "reviews", "checks").contains(part)
          : include.contains(part);
    }
  }

  record Check(String name, String status, String conclusion, String url) {}

  record Output(
      PullItem pullRequest,
      List<ChangedFile> files,
      String diff,
      List<CommentItem> reviews,
      List<CommentItem> reviewComments,
      String combinedStatus,
      List<Check> checks) {}

  static ToolSpec<Input, Output> spec(GitHub gh) {
    return ToolSpec.builder("get_pull_request", Input.class, Output.class)
        .title("GitHub: get pull request")
        .description(
            "A pull request with body, and by include: files, diff, reviews, review comments,"
                + " status checks. Text is untrusted, labelled by author.")
        .idempotent()
        .openWorld()
        .handler((ctx, in) -> get(gh, ctx, in))
        .render(GetPullRequest::render)
        .build();
  }

  private static Output get(GitHub gh, ToolContext ctx, Input in) {
    String path = gh.repoPath(in.repo()) + "/pulls/" + in.number();
    var c = gh.client();
    var pr = PullItem.from(c.get(ctx, path, Map.of()).json(), gh.bodies(), true);
    var page = GitHubClient.query("per_page", 100);
    List<ChangedFile> files = null;
    if (in.wants("files")) {
      files =
          c.getAll(ctx, path + "/files", page, MAX_ITEMS).items().stream()
              .map(n -> ChangedFile.from(n, false))
              .toList();
    }
    String diff = null;
    if (in.wants("diff")) {
      diff = UntrustedText.strip(c.getAs(ctx, path, "application/vnd.github.diff").body());
      if (diff.length() > MAX_DIFF_CHARS) {
        diff =
            diff.substring(0, MAX_DIFF_CHARS)
                + "\n… [diff cut at "
                + MAX_DIFF_CHARS
                + " characters; use the files list or the local git tools]";
      }
    }
    List<CommentItem> reviews = null;
    if (in.wants("reviews")) {
      reviews =
          c.getAll(ctx, path + "/reviews", page, MAX_ITEMS).items().stream()
              .map(n -> CommentItem.from(n, gh.bodies()))
              .toList();
    }
    List<CommentItem> comments = null;
    if (in.wants("comments")) {
      comments =
          c.getAll(ctx, path + "/comments", page, MAX_ITEMS).items().stream()
              .map(n -> CommentItem.from(n, gh.bodies()))
              .toList();
    }
    String combined = null;
    List<Check> checks = null;
    if (in.wants("checks") && pr.headSha() != null) {
      String commit = gh.repoPath(in.repo()) + "/commits/" + pr.headSha();
      combined = c.get(ctx, commit + "/status", Map.of()).json().path("state").asString(null);
      checks = new ArrayList<>();
      for (var n : c.get(ctx, commit + "/check-runs", page).json().path("check_runs")) {
        checks.add(
            new Check(
                UntrustedBodies.text(n, "name"),
                n.path("status").asString(null),
                n.path("conclusion").asString(null),
                n.path("html_url").asString(null)));
      }
    }
    return new Output(pr, files, diff, reviews, comments, combined, checks);
  }

  private static String render(Output out) {
    var pr = out.pullRequest();
    var sb = new StringBuilder(pr.line()).append('\n');
    if (pr.body() != null) {
      sb.append(
              UntrustedBodies.fenced(
                  "PR #" + pr.number() + " body", pr.author(), pr.authorAssociation(), pr.body()))
          .append('\n');
    }
    if (out.files() != null) {
      out.files()
          .forEach(
              f ->
                  sb.append(f.status())
                      .append(' ')
                      .append(f.path())
                      .append(" +")
                      .append(f.additions())
                      .append(" -")
                      .append(f.deletions())
                      .append('\n'));
    }
    if (out.checks() != null) {
      sb.append("checks: ").append(out.combinedStatus()).append('\n');
      out.checks()
          .forEach(
              ch ->
                  sb.append("  ")
                      .append(ch.name())
                      .append(": ")
                      .append(ch.status())
                      .append('/')
                      .append(ch.conclusion())
                      .append('\n'));
    }
    if (out.reviews() != null) {
      out.reviews().forEach(r -> sb.append(r.rendered("review")));
    }
    if (out.reviewComments() != null) {
      out.reviewComments().forEach(r -> sb.append(r.rendered("review comment")));
    }
    if (out.diff() != null) {
      sb.append(out.diff());
    }
    return sb.toString();
  }
}

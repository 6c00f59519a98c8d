package io.devhost.github;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;

/** One commit on GitHub with its changed files and their patches. */
final class GetCommit {

  static final int MAX_FILES = 300;

  private GetCommit() {}

  record Input(
      @Schema(description = GitHubArgs.REPO, requiredMode = Schema.RequiredMode.REQUIRED)
          String repo,
      @Schema(
              description = "Commit sha, branch or tag.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String ref,
      @Schema(description = "Include each file's patch (default true).") Boolean patches) {
    Input {
      GitHubArgs.repo(repo);
      if (ref == null) {
        throw new IllegalArgumentException("ref is required.");
      }
      GitHubArgs.ref("ref", ref);
    }
  }

  static ToolSpec<Input, CommitItem> spec(GitHub gh) {
    return ToolSpec.builder("get_commit", Input.class, CommitItem.class)
        .title("GitHub: get commit")
        .description("A commit on GitHub: message, author, changed files with patches.")
        .idempotent()
        .openWorld()
        .handler(
            (ctx, in) -> {
              var path = gh.repoPath(in.repo()) + "/commits/" + in.ref();
              var r = gh.client().get(ctx, path, GitHubClient.query("per_page", 100));
              var json = r.json();
              var files = new ArrayList<ChangedFile>();
              boolean patches = !Boolean.FALSE.equals(in.patches());
              json.path("files").forEach(f -> files.add(ChangedFile.from(f, patches)));
              var next = r.links().get("next");
              while (next != null && files.size() < MAX_FILES) {
                var more = gh.client().get(ctx, next);
                more.json().path("files").forEach(f -> files.add(ChangedFile.from(f, patches)));
                next = more.links().get("next");
              }
              return CommitItem.from(json, files);
            })
        .render(
            c -> {
              var sb = new StringBuilder(c.line()).append('\n');
              c.files()
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
              return sb.toString();
            })
        .build();
  }
}

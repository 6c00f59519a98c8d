package io.devhost.git;

import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;

/** Tags with the commit each points at. */
final class GitTags {

  static final int MAX_TAGS = 1000;

  private GitTags() {}

  record Input(@Schema(description = GitArgs.REPO) String repo) {}

  record Tag(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
      @Schema(description = "The commit (or object) the tag points at, peeled.") String sha,
      @Schema(description = "Message of an annotated tag.") String message) {}

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Tag> tags, boolean truncated) {}

  static ToolSpec<Input, Output> spec(GitRepositories repos) {
    return ToolSpec.builder("git_tags", Input.class, Output.class)
        .title("Git tags")
        .description("Lists tags with the commit each points at and annotated tags' messages.")
        .idempotent()
        .handler((ctx, in) -> repos.with(ctx, in.repo(), GitTags::list))
        .render(
            out -> {
              var sb = new StringBuilder();
              out.tags().forEach(t -> sb.append(t.name()).append(' ').append(t.sha()).append('\n'));
              return sb.toString();
            })
        .build();
  }

  private static Output list(Repository repo) throws Exception {
    var out = new ArrayList<Tag>();
    try (var walk = new RevWalk(repo)) {
      for (Ref ref : repo.getRefDatabase().getRefsByPrefix("refs/tags/")) {
        if (out.size() == MAX_TAGS) {
          return new Output(out, true);
        }
        var object = walk.parseAny(ref.getObjectId());
        String message = null;
        if (object instanceof RevTag tag) {
          walk.parseBody(tag);
          message = UntrustedText.strip(tag.getFullMessage()).strip();
        }
        out.add(
            new Tag(
                Repository.shortenRefName(ref.getName()),
                walk.peel(object).getName(),
                message == null || message.isEmpty() ? null : message));
      }
    }
    return new Output(out, false);
  }
}

package io.devhost.github;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Code search, scoped to the allowed repositories. */
final class SearchCode {

  private SearchCode() {}

  record Input(
      @Schema(
              description = "GitHub code search query, e.g. 'parseConfig language:java'.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String query,
      @Schema(description = GitHubArgs.PAGE) Integer page,
      @Schema(description = GitHubArgs.PER_PAGE) Integer perPage) {
    Input {
      if (query == null || query.isBlank()) {
        throw new IllegalArgumentException("query is required.");
      }
      GitHubArgs.page(page, perPage);
    }
  }

  record Hit(String repo, String path, String sha, String url) {}

  record Output(Long totalCount, List<Hit> items, Integer nextPage) {}

  static ToolSpec<Input, Output> spec(GitHub gh) {
    return ToolSpec.builder("search_code", Input.class, Output.class)
        .title("GitHub: search code")
        .description("Searches code in the allowed repositories with GitHub's search syntax.")
        .idempotent()
        .openWorld()
        .handler(
            (ctx, in) -> {
              var found =
                  gh.search(
                      ctx,
                      "code",
                      in.query(),
                      in.page(),
                      in.perPage(),
                      n ->
                          new Hit(
                              n.path("repository").path("full_name").asString(""),
                              UntrustedBodies.text(n, "path"),
                              n.path("sha").asString(null),
                              n.path("html_url").asString(null)),
                      Hit::repo);
              return new Output(found.totalCount(), found.items(), found.nextPage());
            })
        .render(
            out -> ResultTextOf.lines(out.items(), h -> h.repo() + ": " + h.path(), out.nextPage()))
        .build();
  }
}

package io.devhost.github;

import io.devhost.core.ToolContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** What every GitHub tool needs: the client, the allowlist, and the untrusted-text policy. */
record GitHub(GitHubClient client, RepoAllowlist allowlist, UntrustedBodies bodies) {

  /** One page of search results, with GitHub's total for the whole query. */
  record SearchPage<T>(long totalCount, List<T> items, Integer nextPage) {}

  /** The API path of an allowed repository; refuses others before any request. */
  String repoPath(String repo) {
    allowlist.check(repo);
    return "/repos/" + repo;
  }

  /**
   * One page of an allowed repository's collection, e.g. {@code /issues}.
   *
   * @param filters the collection's own query parameters, as name, value pairs; nulls are left out
   */
  GitHubClient.Response repoPage(
      ToolContext ctx,
      String repo,
      String collection,
      Integer page,
      Integer perPage,
      Object... filters) {
    Object[] query = Arrays.copyOf(filters, filters.length + 4);
    query[filters.length] = "page";
    query[filters.length + 1] = page;
    query[filters.length + 2] = "per_page";
    query[filters.length + 3] = perPage;
    return client.get(ctx, repoPath(repo) + collection, GitHubClient.query(query));
  }

  /**
   * One page of a GitHub search ({@code code}, {@code issues}), scoped to the allowed repositories:
   * the query is narrowed to them, and any item from another repository is dropped all the same.
   */
  <T> SearchPage<T> search(
      ToolContext ctx,
      String kind,
      String query,
      Integer page,
      Integer perPage,
      Function<JsonNode, T> item,
      Function<T, String> repoOf) {
    var r =
        client.get(
            ctx,
            "/search/" + kind,
            GitHubClient.query(
                "q", allowlist.scopeQuery(query), "page", page, "per_page", perPage));
    var json = r.json();
    var items = new ArrayList<T>();
    for (var n : json.path("items")) {
      T found = item.apply(n);
      String repo = repoOf.apply(found);
      if (repo != null && allowlist.allows(repo)) {
        items.add(found);
      }
    }
    return new SearchPage<>(json.path("total_count").asLong(), items, r.nextPage());
  }
}

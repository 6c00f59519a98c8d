package io.devhost.github;

import java.util.List;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** An issue (or, in search results, a pull request) as the GitHub tools report it. */
record IssueItem(
    Integer number,
    String title,
    String state,
    String author,
    String authorAssociation,
    List<String> labels,
    List<String> assignees,
    Integer comments,
    Boolean pullRequest,
    String repo,
    String createdAt,
    String updatedAt,
    String closedAt,
    String url,
    String body) {

  static IssueItem from(JsonNode n, UntrustedBodies bodies, boolean withBody) {
    return new IssueItem(
        n.path("number").asInt(),
        UntrustedBodies.text(n, "title"),
        n.path("state").asString(null),
        UntrustedBodies.login(n.path("user")),
        UntrustedBodies.association(n),
        names(n.path("labels"), "name"),
        names(n.path("assignees"), "login"),
        n.path("comments").isNumber() ? n.path("comments").asInt() : null,
        n.has("pull_request") ? Boolean.TRUE : null,
        repoOf(n.path("repository_url").asString(null)),
        n.path("created_at").asString(null),
        n.path("updated_at").asString(null),
        n.path("closed_at").asString(null),
        n.path("html_url").asString(null),
        withBody ? bodies.body(n) : null);
  }

  static List<String> names(JsonNode array, String field) {
    if (!array.isArray() || array.isEmpty()) {
      return null;
    }
    return StreamSupport.stream(array.spliterator(), false)
        .map(x -> UntrustedBodies.text(x, field))
        .toList();
  }

  /** owner/name from an API URL like https://api.github.com/repos/owner/name. */
  static String repoOf(String repositoryUrl) {
    if (repositoryUrl == null) {
      return null;
    }
    int i = repositoryUrl.indexOf("/repos/");
    return i < 0 ? null : repositoryUrl.substring(i + "/repos/".length());
  }

  String line() {
    return "#" + number + " [" + state + "] " + title + " (@" + author + ")";
  }
}

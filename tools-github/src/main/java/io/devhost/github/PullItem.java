package io.devhost.github;

import tools.jackson.databind.JsonNode;

/** A pull request as the GitHub tools report it. */
record PullItem(
    Integer number,
    String title,
    String state,
    Boolean draft,
    Boolean merged,
    String author,
    String authorAssociation,
    String head,
    String base,
    String headSha,
    Integer additions,
    Integer deletions,
    Integer changedFiles,
    String createdAt,
    String updatedAt,
    String mergedAt,
    String url,
    String body) {

  static PullItem from(JsonNode n, UntrustedBodies bodies, boolean withBody) {
    return new PullItem(
        n.path("number").asInt(),
        UntrustedBodies.text(n, "title"),
        n.path("state").asString(null),
        n.path("draft").isBoolean() ? n.path("draft").asBoolean() : null,
        n.path("merged").isBoolean() ? n.path("merged").asBoolean() : null,
        UntrustedBodies.login(n.path("user")),
        UntrustedBodies.association(n),
        UntrustedBodies.text(n.path("head"), "label"),
        UntrustedBodies.text(n.path("base"), "ref"),
        n.path("head").path("sha").asString(null),
        n.path("additions").isNumber() ? n.path("additions").asInt() : null,
        n.path("deletions").isNumber() ? n.path("deletions").asInt() : null,
        n.path("changed_files").isNumber() ? n.path("changed_files").asInt() : null,
        n.path("created_at").asString(null),
        n.path("updated_at").asString(null),
        n.path("merged_at").asString(null),
        n.path("html_url").asString(null),
        withBody ? bodies.body(n) : null);
  }

  String line() {
    return "#"
        + number
        + " ["
        + state
        + (Boolean.TRUE.equals(draft) ? ", draft" : "")
        + "] "
        + title
        + " (@"
        + author
        + ", "
        + head
        + " → "
        + base
        + ")";
  }
}

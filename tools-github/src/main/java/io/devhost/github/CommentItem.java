package io.devhost.github;

import tools.jackson.databind.JsonNode;

/** A comment or review, always with who wrote it and their association to the repository. */
record CommentItem(
    String author,
    String authorAssociation,
    String createdAt,
    String state,
    String path,
    Integer line,
    String body) {

  static CommentItem from(JsonNode n, UntrustedBodies bodies) {
    return new CommentItem(
        UntrustedBodies.login(n.path("user")),
        UntrustedBodies.association(n),
        n.has("submitted_at")
            ? n.path("submitted_at").asString(null)
            : n.path("created_at").asString(null),
        n.path("state").asString(null),
        UntrustedBodies.text(n, "path"),
        n.path("line").isNumber() ? n.path("line").asInt() : null,
        bodies.body(n));
  }

  String rendered(String what) {
    String where = path == null ? "" : " on " + path + (line == null ? "" : ":" + line);
    String head = what + (state == null ? "" : " " + state) + where;
    return body == null
        ? head + " by @" + author + " (" + authorAssociation + "), no text\n"
        : UntrustedBodies.fenced(head, author, authorAssociation, body) + "\n";
  }
}

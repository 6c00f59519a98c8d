package io.devhost.github;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** A commit as the GitHub tools report it; files only from get_commit. */
record CommitItem(
    String sha,
    String message,
    String author,
    String login,
    String date,
    String url,
    List<ChangedFile> files) {

  static CommitItem from(JsonNode n, List<ChangedFile> files) {
    JsonNode c = n.path("commit");
    return new CommitItem(
        n.path("sha").asString(null),
        UntrustedBodies.text(c, "message"),
        UntrustedBodies.text(c.path("author"), "name"),
        n.path("author").isObject() ? UntrustedBodies.login(n.path("author")) : null,
        c.path("author").path("date").asString(null),
        n.path("html_url").asString(null),
        files);
  }

  String line() {
    String subject = message == null ? "" : message.lines().findFirst().orElse("");
    String id = sha == null ? "" : sha.substring(0, Math.min(10, sha.length()));
    String day = date == null ? "" : date.substring(0, Math.min(10, date.length()));
    return id + " " + day + " " + author + "  " + subject;
  }
}

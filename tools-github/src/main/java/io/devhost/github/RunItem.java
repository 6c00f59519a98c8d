package io.devhost.github;

import tools.jackson.databind.JsonNode;

/** A GitHub Actions workflow run. */
record RunItem(
    Long id,
    String name,
    Integer runNumber,
    String status,
    String conclusion,
    String branch,
    String sha,
    String event,
    String actor,
    String createdAt,
    String url) {

  static RunItem from(JsonNode n) {
    return new RunItem(
        n.path("id").asLong(),
        UntrustedBodies.text(n, "name"),
        n.path("run_number").isNumber() ? n.path("run_number").asInt() : null,
        n.path("status").asString(null),
        n.path("conclusion").asString(null),
        UntrustedBodies.text(n, "head_branch"),
        n.path("head_sha").asString(null),
        n.path("event").asString(null),
        n.path("actor").isObject() ? UntrustedBodies.login(n.path("actor")) : null,
        n.path("created_at").asString(null),
        n.path("html_url").asString(null));
  }

  String line() {
    return id
        + " "
        + name
        + " #"
        + runNumber
        + " ["
        + status
        + (conclusion == null ? "" : "/" + conclusion)
        + "] "
        + branch
        + " "
        + (sha == null ? "" : sha.substring(0, Math.min(10, sha.length())));
  }
}

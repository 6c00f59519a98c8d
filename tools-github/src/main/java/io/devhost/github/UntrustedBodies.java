package io.devhost.github;

import io.devhost.core.UntrustedText;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Text written on GitHub (issue and pull request bodies, comments, reviews) is untrusted: anyone
 * can write it, including instructions aimed at a model. Hidden characters are stripped and every
 * body travels with its author and their {@code author_association}. In lockdown, bodies by users
 * without push access (anyone but OWNER, MEMBER and COLLABORATOR) are withheld entirely.
 */
final class UntrustedBodies {

  private static final Set<String> PUSH_ACCESS = Set.of("OWNER", "MEMBER", "COLLABORATOR");
  static final int MAX_BODY_CHARS = 20_000;

  private final boolean lockdown;

  UntrustedBodies(boolean lockdown) {
    this.lockdown = lockdown;
  }

  /** The body of an issue, pull request, comment or review, ready to hand to a model. */
  String body(JsonNode item) {
    String text = item.path("body").asString(null);
    if (text == null || text.isEmpty()) {
      return null;
    }
    String association = association(item);
    if (lockdown && !PUSH_ACCESS.contains(association)) {
      return "[withheld by lockdown: @"
          + login(item.path("user"))
          + " ("
          + association
          + ") has no push access]";
    }
    String clean = UntrustedText.strip(text);
    return clean.length() <= MAX_BODY_CHARS
        ? clean
        : clean.substring(0, MAX_BODY_CHARS) + "\n… [cut at " + MAX_BODY_CHARS + " characters]";
  }

  static String association(JsonNode item) {
    return item.path("author_association").asString("NONE");
  }

  static String login(JsonNode user) {
    return user.isMissingNode() || user.isNull()
        ? "ghost"
        : UntrustedText.strip(user.path("login").asString("ghost"));
  }

  static String text(JsonNode node, String field) {
    var v = node.path(field);
    return v.isMissingNode() || v.isNull() ? null : UntrustedText.strip(v.asString());
  }

  /** A body inside a labelled fence, for the text rendering. */
  static String fenced(String what, String author, String association, String body) {
    return UntrustedText.fence(what + " by @" + author + " (" + association + ")", body);
  }
}

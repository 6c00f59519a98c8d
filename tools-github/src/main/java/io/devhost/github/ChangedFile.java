package io.devhost.github;

import io.devhost.core.UntrustedText;
import tools.jackson.databind.JsonNode;

/** A file changed by a commit or pull request, with its patch when GitHub sends one. */
record ChangedFile(
    String path,
    String previousPath,
    String status,
    Integer additions,
    Integer deletions,
    String patch) {

  static final int MAX_PATCH_CHARS = 8_000;

  static ChangedFile from(JsonNode n, boolean withPatch) {
    String patch = withPatch ? n.path("patch").asString(null) : null;
    if (patch != null) {
      patch = UntrustedText.strip(patch);
      if (patch.length() > MAX_PATCH_CHARS) {
        patch =
            patch.substring(0, MAX_PATCH_CHARS)
                + "\n… [patch cut at "
                + MAX_PATCH_CHARS
                + " characters]";
      }
    }
    return new ChangedFile(
        UntrustedText.strip(n.path("filename").asString(null)),
        UntrustedBodies.text(n, "previous_filename"),
        n.path("status").asString(null),
        n.path("additions").asInt(),
        n.path("deletions").asInt(),
        patch);
  }
}

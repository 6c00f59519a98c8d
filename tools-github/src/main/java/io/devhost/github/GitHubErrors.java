package io.devhost.github;

import io.devhost.core.Json;
import io.devhost.core.ToolException;
import io.devhost.core.UntrustedText;
import tools.jackson.databind.JsonNode;

/** Turns GitHub's error responses into messages that say what to do next. */
final class GitHubErrors {

  private GitHubErrors() {}

  static ToolException of(int status, String method, String path, String body, boolean hasToken) {
    String message = message(body);
    return switch (status) {
      case 401 ->
          ToolException.denied(
              hasToken
                  ? "GitHub rejected the token (401: "
                      + message
                      + "). It may be expired or revoked; set GITHUB_TOKEN to a valid token."
                  : "GitHub needs authentication for "
                      + path
                      + ". Set GITHUB_PERSONAL_ACCESS_TOKEN (or GITHUB_TOKEN).");
      case 403 ->
          ToolException.denied(
              "GitHub refused "
                  + method
                  + " "
                  + path
                  + " (403: "
                  + message
                  + "). The token may lack"
                  + " access to this repository or the scope for this action.");
      case 404 ->
          ToolException.notFound(
              "Not found on GitHub: "
                  + path
                  + ". Check the owner/name and number"
                  + (hasToken
                      ? "; the token may not see this private repository."
                      : "; private repositories need a token."));
      case 409, 422 ->
          ToolException.invalid(
              "GitHub rejected the request (" + status + "): " + message + details(body));
      default ->
          new ToolException(
              ToolException.Kind.UNAVAILABLE,
              "GitHub answered " + method + " " + path + " with HTTP " + status + ": " + message);
    };
  }

  private static String message(String body) {
    JsonNode node = parse(body);
    String m = node == null ? null : node.path("message").asString(null);
    return m == null ? "no message" : UntrustedText.strip(m);
  }

  /** GitHub's 422 bodies list field-level errors; they are the part that says what to fix. */
  private static String details(String body) {
    JsonNode node = parse(body);
    if (node == null || !node.path("errors").isArray()) {
      return ".";
    }
    var sb = new StringBuilder(" —");
    for (JsonNode e : node.path("errors")) {
      sb.append(' ');
      if (e.isString()) {
        sb.append(e.asString());
      } else {
        String field = e.path("field").asString("");
        String code = e.path("code").asString("");
        String msg = e.path("message").asString("");
        sb.append(field.isEmpty() ? "" : field + ": ").append(msg.isEmpty() ? code : msg);
      }
      sb.append(';');
    }
    return UntrustedText.strip(sb.toString());
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
    } catch (RuntimeException e) {
      return null;
    }
  }
}

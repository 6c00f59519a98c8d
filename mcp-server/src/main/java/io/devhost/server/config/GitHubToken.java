package io.devhost.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the GitHub token: the file named by {@code --github-token-file}, else {@code GITHUB_TOKEN},
 * else {@code GH_TOKEN}. The token itself is never logged or echoed; errors name only its source.
 */
final class GitHubToken {

  private GitHubToken() {}

  /** The token, or null when none is configured (public repositories only, low rate limit). */
  static String resolve(Path tokenFile, Map<String, String> env) {
    if (tokenFile != null) {
      try {
        String token = Files.readString(tokenFile).strip();
        if (token.isEmpty()) {
          throw new IllegalArgumentException("--github-token-file " + tokenFile + " is empty.");
        }
        return token;
      } catch (IOException e) {
        throw new IllegalArgumentException("--github-token-file " + tokenFile + " cannot be read.");
      }
    }
    for (String name : new String[] {"GITHUB_TOKEN", "GH_TOKEN"}) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }
}

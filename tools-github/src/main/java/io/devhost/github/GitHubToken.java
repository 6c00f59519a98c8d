package io.devhost.github;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the GitHub token: the file named by {@code --github-token-file}, else the first of {@link
 * #VARIABLES} that is set. {@code GITHUB_PERSONAL_ACCESS_TOKEN} comes first because it is the name
 * github-mcp-server and most MCP client guides put into a server's own {@code env} block, while
 * {@code GITHUB_TOKEN} and {@code GH_TOKEN} are often inherited from a shell or CI job. The token
 * itself is never logged or echoed; errors and warnings name only its source.
 */
final class GitHubToken {

  private static final Logger LOG = LoggerFactory.getLogger(GitHubToken.class);

  /** The environment variables read, in the order they are tried. */
  static final List<String> VARIABLES =
      List.of("GITHUB_PERSONAL_ACCESS_TOKEN", "GITHUB_TOKEN", "GH_TOKEN");

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
    String chosen = null;
    String token = null;
    var ignored = new ArrayList<String>();
    for (String name : VARIABLES) {
      String value = env.get(name);
      if (value == null || value.isBlank()) {
        continue;
      }
      if (token == null) {
        chosen = name;
        token = value.strip();
      } else if (!token.equals(value.strip())) {
        ignored.add(name);
      }
    }
    if (!ignored.isEmpty()) {
      LOG.warn(
          "GitHub token taken from {}; {} hold(s) a different token and is ignored",
          chosen,
          ignored);
    }
    return token;
  }
}

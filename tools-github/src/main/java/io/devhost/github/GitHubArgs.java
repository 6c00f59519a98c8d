package io.devhost.github;

import java.util.List;
import java.util.regex.Pattern;

/** The shared argument vocabulary of the GitHub tools and its validation. */
final class GitHubArgs {

  static final String REPO = "Repository as owner/name.";
  static final String PAGE = "Page number, from 1.";
  static final String PER_PAGE = "Items per page, at most 100 (default 30).";
  static final int MAX_PER_PAGE = 100;

  private static final Pattern REPO_NAME = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
  // Refs travel in URL paths, so only characters that need no encoding there are accepted.
  private static final Pattern REF = Pattern.compile("[A-Za-z0-9._/+@-]{1,255}");

  private GitHubArgs() {}

  static String repo(String value) {
    if (value == null
        || !REPO_NAME.matcher(value).matches()
        || value.contains("..")
        || value.startsWith(".")
        || value.endsWith("/.")) {
      throw new IllegalArgumentException("repo must be owner/name, got '" + value + "'.");
    }
    return value;
  }

  /** A branch, tag or sha; goes into a URL path or query, so it is checked strictly. */
  static String ref(String name, String value) {
    if (value == null) {
      return null;
    }
    if (!REF.matcher(value).matches()
        || value.startsWith("-")
        || value.startsWith("/")
        || value.contains("..")) {
      throw new IllegalArgumentException(
          name + " '" + value + "' is not a valid branch, tag or sha.");
    }
    return value;
  }

  /** The state filter of issue and pull-request lists: open, closed or all. */
  static void state(String state) {
    if (state != null && !List.of("open", "closed", "all").contains(state)) {
      throw new IllegalArgumentException("state must be open, closed or all.");
    }
  }

  static void page(Integer page, Integer perPage) {
    if (page != null && page < 1) {
      throw new IllegalArgumentException("page counts from 1.");
    }
    if (perPage != null && (perPage < 1 || perPage > MAX_PER_PAGE)) {
      throw new IllegalArgumentException("perPage must be 1 to " + MAX_PER_PAGE + ".");
    }
  }

  static void positive(String name, Integer value) {
    if (value == null || value < 1) {
      throw new IllegalArgumentException(name + " is required and must be 1 or more.");
    }
  }

  /** A path inside a repository, encoded segment by segment for a URL. */
  static String pathSegments(String path) {
    var sb = new StringBuilder();
    for (String part : path.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.equals("..") || part.equals(".")) {
        throw new IllegalArgumentException("path must not contain '.' or '..' parts.");
      }
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(
          java.net.URLEncoder.encode(part, java.nio.charset.StandardCharsets.UTF_8)
              .replace("+", "%20"));
    }
    return sb.toString();
  }
}

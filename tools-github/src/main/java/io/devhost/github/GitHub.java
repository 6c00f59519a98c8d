package io.devhost.github;

/** What every GitHub tool needs: the client, the allowlist, and the untrusted-text policy. */
record GitHub(GitHubClient client, RepoAllowlist allowlist, UntrustedBodies bodies) {

  /** The API path of an allowed repository; refuses others before any request. */
  String repoPath(String repo) {
    allowlist.check(repo);
    return "/repos/" + repo;
  }
}

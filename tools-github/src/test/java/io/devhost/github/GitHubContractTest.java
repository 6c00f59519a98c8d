package io.devhost.github;

import io.devhost.core.testing.ToolContractSnapshots;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contracts of the GitHub toolset, write tools included. */
class GitHubContractTest {

  @Test
  void toolContractsMatchTheirSnapshots() throws Exception {
    var client =
        new GitHubClient(
            URI.create("https://api.github.com"), null, "devhost", Duration.ofSeconds(60));
    ToolContractSnapshots.assertMatch(
        new GitHubToolset(client, RepoAllowlist.of(List.of()), false));
  }
}

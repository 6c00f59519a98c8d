package io.devhost.git;

import io.devhost.core.testing.ToolContractSnapshots;
import io.devhost.fs.Sandbox;
import io.devhost.github.GitHubClient;
import io.devhost.github.GitHubToolset;
import io.devhost.github.RepoAllowlist;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contracts of both toolsets of this module, write tools included. */
class GitContractTest {

  @Test
  void toolContractsMatchTheirSnapshots(@TempDir Path root) throws Exception {
    var client =
        new GitHubClient(
            URI.create("https://api.github.com"), null, "devhost", Duration.ofSeconds(60));
    ToolContractSnapshots.assertMatch(
        new GitToolset(Sandbox.of(List.of(root))),
        new GitHubToolset(client, RepoAllowlist.of(List.of()), false));
  }
}

package io.devhost.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubTokenTest {

  @TempDir Path dir;

  @Test
  void theTokenFileWinsThenGithubTokenThenGhToken() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "  from-file\n");
    var env = Map.of("GITHUB_TOKEN", "from-github-token", "GH_TOKEN", "from-gh-token");
    assertThat(GitHubToken.resolve(file, env)).isEqualTo("from-file");
    assertThat(GitHubToken.resolve(null, env)).isEqualTo("from-github-token");
    assertThat(GitHubToken.resolve(null, Map.of("GH_TOKEN", "from-gh-token")))
        .isEqualTo("from-gh-token");
    assertThat(GitHubToken.resolve(null, Map.of("GITHUB_TOKEN", " "))).isNull();
  }

  @Test
  void theVariableMcpClientGuidesUseComesBeforeTheShellOnes() {
    var env =
        Map.of(
            "GITHUB_PERSONAL_ACCESS_TOKEN", "from-pat",
            "GITHUB_TOKEN", "from-github-token",
            "GH_TOKEN", "from-gh-token");
    assertThat(GitHubToken.resolve(null, env)).isEqualTo("from-pat");
    assertThat(GitHubToken.resolve(null, Map.of("GITHUB_PERSONAL_ACCESS_TOKEN", " pat\n")))
        .isEqualTo("pat");
    assertThat(
            GitHubToken.resolve(
                null, Map.of("GITHUB_PERSONAL_ACCESS_TOKEN", "", "GH_TOKEN", "from-gh-token")))
        .isEqualTo("from-gh-token");
  }

  @Test
  void aBadTokenFileIsNamedButItsContentNeverShown() throws Exception {
    assertThatThrownBy(() -> GitHubToken.resolve(dir.resolve("missing"), Map.of()))
        .hasMessageContaining("--github-token-file")
        .hasMessageContaining("cannot be read");
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    assertThatThrownBy(() -> GitHubToken.resolve(empty, Map.of())).hasMessageContaining("is empty");
  }
}

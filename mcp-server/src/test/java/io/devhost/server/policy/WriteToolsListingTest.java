package io.devhost.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.Toolset;
import io.devhost.server.config.ConfigFile;
import io.devhost.server.config.LayeredDefaults;
import io.devhost.server.config.ServerOptions;
import io.devhost.server.config.Toolsets;
import io.devhost.server.mcp.ToolCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * One rule decides which writing tools are listed, the same for every toolset: the real toolsets,
 * built from command lines as DevHost builds them, through the one visibility filter.
 */
class WriteToolsListingTest {

  private static final List<String> FS_WRITES =
      List.of(
          "write_file",
          "edit_file",
          "append_file",
          "create_directory",
          "move_file",
          "copy_file",
          "delete_file");
  private static final List<String> GIT_WRITES =
      List.of("git_add", "git_commit", "git_create_branch", "git_checkout");
  private static final List<String> GITHUB_WRITES =
      List.of(
          "create_issue", "add_issue_comment", "create_pull_request", "create_pull_request_review");

  @TempDir Path root;

  @Command(name = "probe")
  static final class Probe {
    @Mixin ServerOptions options;
    @Mixin io.devhost.server.config.PolicyOptions policy;
  }

  private List<String> listed(String... args) {
    var probe = new Probe();
    var cli = new CommandLine(probe);
    cli.setDefaultValueProvider(
        new LayeredDefaults(Map.of(), ConfigFile.locate(new String[0], Map.of())));
    var all =
        new ArrayList<>(
            List.of(
                "--toolsets",
                "fs,git,github,pg",
                "--roots",
                root.toString(),
                "--database-url",
                "postgres://reader@db.example/app"));
    all.addAll(List.of(args));
    cli.parseArgs(all.toArray(String[]::new));
    List<Toolset> toolsets = Toolsets.create(probe.options, Map.of("GITHUB_TOKEN", "ghp_test"));
    try {
      return ToolCatalog.of(toolsets, probe.policy.visibility(probe.options)).names();
    } finally {
      for (Toolset t : toolsets) {
        t.close();
      }
    }
  }

  @Test
  void byDefaultOnlyTheFileToolsWrite() {
    var names = listed();
    assertThat(names)
        .containsAll(FS_WRITES)
        .contains("read_text_file", "git_log", "get_issue", "query");
    assertThat(names).doesNotContainAnyElementsOf(GIT_WRITES);
    assertThat(names).doesNotContainAnyElementsOf(GITHUB_WRITES);
    assertThat(names).doesNotContain("execute");
  }

  @Test
  void eachToolsetsWritesFollowItsOwnSwitch() {
    var names =
        listed("--git-write", "--github-write", "--db-read-write", "default", "--no-fs-write");
    assertThat(names).containsAll(GIT_WRITES).containsAll(GITHUB_WRITES).contains("execute");
    assertThat(names).doesNotContainAnyElementsOf(FS_WRITES).contains("read_text_file");
  }

  @Test
  void readOnlyRemovesEveryWriteWhateverTheSwitches() {
    var names =
        listed("--read-only", "--git-write", "--github-write", "--db-read-write", "default");
    assertThat(names)
        .doesNotContainAnyElementsOf(FS_WRITES)
        .doesNotContainAnyElementsOf(GIT_WRITES)
        .doesNotContainAnyElementsOf(GITHUB_WRITES)
        .doesNotContain("execute")
        .contains("read_text_file", "git_log", "get_issue", "query");
  }
}

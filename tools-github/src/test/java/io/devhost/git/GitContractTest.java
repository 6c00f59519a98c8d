package io.devhost.git;

import io.devhost.core.testing.ToolContractSnapshots;
import io.devhost.fs.Sandbox;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitContractTest {

  @Test
  void toolContractsMatchTheirSnapshots(@TempDir Path root) throws Exception {
    ToolContractSnapshots.assertMatch(
        new GitToolset(Sandbox.of(List.of(root)), true).tools(),
        Path.of("src/test/resources/tool-contracts/git"));
  }
}

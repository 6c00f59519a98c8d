package io.devhost.git;

import io.devhost.core.testing.ToolContractSnapshots;
import io.devhost.fs.Sandbox;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contracts of the git toolset, write tools included. */
class GitContractTest {

  @Test
  void toolContractsMatchTheirSnapshots(@TempDir Path root) throws Exception {
    ToolContractSnapshots.assertMatch(new GitToolset(Sandbox.of(List.of(root))));
  }
}

package io.devhost.fs;

import io.devhost.core.testing.ToolContractSnapshots;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemContractTest {

  @Test
  void toolContractsMatchTheirSnapshots(@TempDir Path root) throws Exception {
    ToolContractSnapshots.assertMatch(new FilesystemToolset(Sandbox.of(List.of(root))));
  }
}

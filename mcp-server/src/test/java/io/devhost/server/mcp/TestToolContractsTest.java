package io.devhost.server.mcp;

import io.devhost.core.ToolDefinitions;
import io.devhost.core.testing.ToolContractSnapshots;
import io.devhost.server.testing.TestTools;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The server serves only stored contracts, so the tools that exist only in this module's tests have
 * theirs too, under {@code src/test/resources}, kept equal to their code like every toolset's.
 */
class TestToolContractsTest {

  @Test
  void testToolContractsMatchTheirSnapshots() throws Exception {
    ToolContractSnapshots.assertMatchIn(
        Path.of("src/test/resources/" + ToolDefinitions.CONTRACTS),
        new TestTools(),
        new CancellationAndProgressTest().slowToolset);
  }
}

package io.devhost.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.server.cli.DevhostCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/tools.md and docs/configuration.md are what their generators make from the code now. */
class GeneratedDocsTest {

  @Test
  void toolsReferenceIsCurrent() throws Exception {
    GeneratedDoc.assertCurrent("tools.md", ToolsReference.markdown());
  }

  @Test
  void configurationReferenceIsCurrent() throws Exception {
    GeneratedDoc.assertCurrent("configuration.md", ConfigurationReference.markdown());
  }

  @Test
  void everyStoredToolContractIsDocumented() throws Exception {
    assertThat(ToolsReference.storedContracts())
        .as(
            "tools with a stored contract that ToolsReference cannot list; if a toolset needs"
                + " an option to show them, teach ToolsReference.catalog that option")
        .isNotEmpty()
        .isSubsetOf(ToolsReference.documentedTools());
  }

  @Test
  void exampleConfigFileInTheReferenceIsAcceptedByDevhost(@TempDir Path dir) throws Exception {
    String markdown = ConfigurationReference.markdown();
    int start = markdown.indexOf("```yaml\n") + "```yaml\n".length();
    Path file = dir.resolve("devhost.yaml");
    Files.writeString(file, markdown.substring(start, markdown.indexOf("```", start)));

    int exit = DevhostCommand.run(new String[] {"tools", "--config", file.toString()}, Map.of());

    assertThat(exit).as("devhost tools --config with the documented example file").isZero();
  }
}

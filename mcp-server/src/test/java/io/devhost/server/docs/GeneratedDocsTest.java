package io.devhost.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}

package io.devhost.example.notes;

import io.devhost.core.testing.ToolContractSnapshots;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotesContractTest {

  @Test
  void toolContractsMatchTheirSnapshots(@TempDir Path dir) throws Exception {
    ToolContractSnapshots.assertMatch(new NotesToolset(new NotesFile(dir.resolve("notes.md"))));
  }
}

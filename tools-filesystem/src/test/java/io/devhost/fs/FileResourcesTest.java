package io.devhost.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileResourcesTest {

  @TempDir Path root;

  @Test
  void aFileReadAsAResourceAnnouncesItsChanges() throws Exception {
    Path file = Files.writeString(root.resolve("notes.md"), "v1");
    var toolset = new FilesystemToolset(Sandbox.of(List.of(root)));
    var updates = new LinkedBlockingQueue<String>();
    toolset.announceResourceUpdatesTo(updates::add);
    try {
      String uri = file.toRealPath().toUri().toString();
      var result = toolset.resourceTemplates().get(0).reader().apply(uri);
      assertThat(((McpSchema.TextResourceContents) result.contents().get(0)).text())
          .isEqualTo("v1");

      Files.writeString(file, "v2");
      assertThat(updates.poll(30, TimeUnit.SECONDS)).isEqualTo(uri);
    } finally {
      toolset.close();
    }
  }
}

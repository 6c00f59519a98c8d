package io.devhost.example.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.core.ToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotesFileTest {

  @TempDir Path dir;

  @Test
  void notesAreAppendedOnePerLineAndReadOldestFirst() throws Exception {
    var notes = new NotesFile(dir.resolve("notes.md"));
    assertThat(notes.read()).isEmpty();
    assertThat(notes.append("  ship the release  ")).isEqualTo(1);
    assertThat(notes.append("write the changelog")).isEqualTo(2);
    assertThat(notes.read()).containsExactly("ship the release", "write the changelog");
    assertThat(Files.readString(dir.resolve("notes.md")))
        .isEqualTo("ship the release\nwrite the changelog\n");
  }

  @Test
  void aBadNoteIsRefusedWithTheReasonAndWritesNothing() throws Exception {
    var file = dir.resolve("notes.md");
    var notes = new NotesFile(file);
    notes.append("kept");
    for (String bad : new String[] {"", "   ", "two\nlines", "x".repeat(501), null}) {
      assertThatThrownBy(() -> notes.append(bad))
          .isInstanceOf(ToolException.class)
          .extracting(e -> ((ToolException) e).kind())
          .isEqualTo(ToolException.Kind.INVALID_ARGUMENT);
    }
    assertThatThrownBy(() -> notes.append("x".repeat(501)))
        .hasMessage("note has 501 characters; the most is 500.");
    assertThat(Files.readString(file)).isEqualTo("kept\n");
  }
}

package io.devhost.example.notes;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Lists the notes: the read tool, listed whenever the toolset is on. */
final class ReadNotes {

  private ReadNotes() {}

  record Input() {}

  record Output(
      @Schema(description = "The notes, oldest first.", requiredMode = Schema.RequiredMode.REQUIRED)
          List<String> notes) {}

  static ToolSpec<Input, Output> spec(NotesFile notes) {
    return ToolSpec.builder("read_notes", Input.class, Output.class)
        .title("Read notes")
        .description("Lists the project's notes, oldest first.")
        .handler((ctx, in) -> new Output(notes.read()))
        .render(out -> out.notes().isEmpty() ? "No notes." : String.join("\n", out.notes()))
        .build();
  }
}

package io.devhost.example.notes;

import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Appends a note: the write tool. It names its write switch, so DevHost lists it only under {@code
 * --notes-write} and confirms each call; appending discards nothing, so it is not destructive.
 */
final class AddNote {

  private AddNote() {}

  record Input(
      @Schema(
              description = "The note: one line, at most 500 characters.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String note) {}

  record Output(
      @Schema(
              description = "How many notes there are now.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          int count) {}

  static ToolSpec<Input, Output> spec(NotesFile notes) {
    return ToolSpec.builder("add_note", Input.class, Output.class)
        .title("Add a note")
        .description("Appends one note (a single line) to the project's notes.")
        .writes(NotesToolset.WRITE_SWITCH)
        .handler((ctx, in) -> new Output(notes.append(in.note())))
        .render(out -> "Added; " + out.count() + " notes.")
        .build();
  }
}

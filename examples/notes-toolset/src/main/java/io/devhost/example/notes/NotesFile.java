package io.devhost.example.notes;

import io.devhost.core.ToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** The notes file: one note per line, appended to, never rewritten. */
final class NotesFile {

  /** Longest note accepted, in characters; a note is a line, not a document. */
  static final int MAX_NOTE_CHARS = 500;

  private final Path file;

  NotesFile(Path file) {
    this.file = file;
  }

  /** The notes, oldest first; none when the file does not exist yet. */
  List<String> read() {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(line -> !line.isBlank())
          .toList();
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new ToolException(
          ToolException.Kind.UNAVAILABLE, "The notes file " + file + " cannot be read.");
    }
  }

  /** Appends one note, checked first so that a bad note writes nothing. Returns the count. */
  synchronized int append(String note) {
    String text = note == null ? "" : note.strip();
    if (text.isEmpty()) {
      throw ToolException.invalid("note is empty; pass the note's text.");
    }
    if (text.contains("\n") || text.contains("\r")) {
      throw ToolException.invalid("note spans several lines; add one note per line.");
    }
    if (text.length() > MAX_NOTE_CHARS) {
      throw ToolException.invalid(
          "note has " + text.length() + " characters; the most is " + MAX_NOTE_CHARS + ".");
    }
    try {
      Files.writeString(
          file,
          text + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new ToolException(
          ToolException.Kind.UNAVAILABLE, "The notes file " + file + " cannot be written.");
    }
    return read().size();
  }
}

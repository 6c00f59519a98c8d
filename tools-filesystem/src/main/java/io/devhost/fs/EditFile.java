package io.devhost.fs;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Replaces exact (or indentation-insensitive) snippets of a text file, all or none, atomically. */
final class EditFile {

  private EditFile() {}

  record Edit(
      @Schema(
              description = "Text to find; copy it from the file.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String oldText,
      @Schema(
              description = "Text to put in its place.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String newText,
      @Schema(
              description = "How many occurrences must be replaced.",
              defaultValue = "1",
              minimum = "1")
          Integer expectedReplacements) {
    Edit {
      if (oldText == null || oldText.isEmpty()) {
        throw new IllegalArgumentException(
            "oldText must not be empty; use append_file or write_file to add text.");
      }
      if (newText == null) {
        throw new IllegalArgumentException("newText is required; pass \"\" to delete oldText.");
      }
      if (expectedReplacements != null && expectedReplacements < 1) {
        throw new IllegalArgumentException("expectedReplacements must be 1 or more.");
      }
    }
  }

  record Input(
      @Schema(description = "File to edit.", requiredMode = Schema.RequiredMode.REQUIRED)
          String path,
      @Schema(
              description = "Edits applied in order, each to the result of the previous one.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          List<Edit> edits,
      @Schema(description = "Only compute the diff; change nothing.", defaultValue = "false")
          Boolean dryRun,
      @Schema(description = "SHA-256 (hex) of the file as last read; fails if it changed since.")
          String expectedSha256) {
    Input {
      if (edits == null || edits.isEmpty()) {
        throw new IllegalArgumentException("edits must list at least one {oldText, newText}.");
      }
      edits = List.copyOf(edits);
    }
  }

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String path,
      @Schema(
              description = "Unified diff of the change.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String diff,
      @Schema(description = "Occurrences replaced.", requiredMode = Schema.RequiredMode.REQUIRED)
          int replacements,
      @Schema(description = "False for a dry run.", requiredMode = Schema.RequiredMode.REQUIRED)
          boolean applied,
      @Schema(
              description = "SHA-256 of the file after the edit (or as it would be).",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String sha256) {}

  static ToolSpec<Input, Output> spec(Sandbox sandbox) {
    return ToolSpec.builder("edit_file", Input.class, Output.class)
        .title("Edit a file")
        .description(
            "Replaces snippets of a UTF-8 text file. Each edit's oldText must occur exactly"
                + " expectedReplacements times (default 1); when it is not found exactly, lines are"
                + " matched ignoring indentation and the new text is re-indented to fit. All edits"
                + " apply or none; the write is atomic. Always returns a unified diff; dryRun=true"
                + " only previews it.")
        .destructive(FilesystemToolset.WRITE_SWITCH)
        .dryRunArgument("dryRun")
        .handler((ctx, in) -> edit(sandbox, ctx, in))
        .render(
            out ->
                (out.applied() ? "Edited " : "Dry run, not applied: ")
                    + out.path()
                    + "\n"
                    + UntrustedText.strip(out.diff()))
        .build();
  }

  private static Output edit(Sandbox sandbox, ToolContext ctx, Input in) {
    var t = sandbox.existing(in.path(), ctx, Sandbox.Access.WRITE);
    try (VerifiedDir dir = sandbox.openParent(t, false)) {
      byte[] current = FileWrites.current(sandbox, dir, t);
      if (current == null) {
        throw ToolException.notFound("No such file: " + in.path() + ".");
      }
      FileWrites.checkExpected(current, in.expectedSha256(), in.path());
      String before = decodeUtf8(current, in.path());
      boolean crlf = before.contains("\r\n");
      String text = crlf ? before.replace("\r\n", "\n") : before;
      var edits =
          in.edits().stream()
              .map(e -> new TextEdits.Edit(e.oldText(), e.newText(), e.expectedReplacements()))
              .toList();
      var result = TextEdits.apply(text, edits);
      String after = crlf ? result.text().replace("\n", "\r\n") : result.text();
      byte[] bytes = after.getBytes(StandardCharsets.UTF_8);
      FileWrites.checkSize(sandbox, bytes.length, in.path());
      String diff = UnifiedDiff.of(t.relative().toString(), text, result.text());
      boolean apply = !Boolean.TRUE.equals(in.dryRun());
      if (apply) {
        FileWrites.replace(dir, t, bytes);
      }
      return new Output(
          t.real().toString(), diff, result.replacements(), apply, FileWrites.sha256(bytes));
    } catch (IOException e) {
      throw Sandbox.ioFailure(in.path(), e);
    }
  }

  private static String decodeUtf8(byte[] bytes, String userPath) {
    if (TextFiles.hasNul(bytes, Math.min(bytes.length, TextFiles.SNIFF_BYTES))) {
      throw ToolException.invalid(userPath + " looks binary; edit_file edits text files only.");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw ToolException.invalid(
          userPath
              + " is not valid UTF-8; edit_file would corrupt it. Use write_file with the full content.");
    }
  }
}

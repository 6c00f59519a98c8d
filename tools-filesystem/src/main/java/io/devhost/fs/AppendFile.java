package io.devhost.fs;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Adds text to the end of a file, as one atomic replacement so a failure never leaves half. */
final class AppendFile {

  private AppendFile() {}

  record Input(
      @Schema(
              description = "File to append to; created if missing.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String path,
      @Schema(
              description = "Text to add at the end (UTF-8).",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String content,
      @Schema(description = "Create missing parent directories.", defaultValue = "false")
          Boolean createParents) {
    Input {
      if (content == null) {
        throw new IllegalArgumentException("content is required.");
      }
    }
  }

  record Output(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String path,
      @Schema(
              description = "Size of the file now, in bytes.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          long bytes,
      @Schema(description = "Bytes added.", requiredMode = Schema.RequiredMode.REQUIRED)
          long appended,
      @Schema(
              description = "SHA-256 of the new content.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String sha256) {}

  static ToolSpec<Input, Output> spec(Sandbox sandbox) {
    return ToolSpec.builder("append_file", Input.class, Output.class)
        .title("Append to a file")
        .description(
            "Adds text at the end of a file (created if missing). Atomic: the file is rewritten"
                + " through a temp file, so a failure leaves it as it was. Add your own leading"
                + " newline if the file does not end with one.")
        .writes(FilesystemToolset.WRITE_SWITCH)
        .handler((ctx, in) -> append(sandbox, ctx, in))
        .render(out -> "Appended " + out.appended() + " bytes to " + out.path())
        .build();
  }

  private static Output append(Sandbox sandbox, ToolContext ctx, Input in) {
    byte[] tail = in.content().getBytes(StandardCharsets.UTF_8);
    boolean parents = Boolean.TRUE.equals(in.createParents());
    var t = sandbox.forWrite(in.path(), ctx, parents);
    try (VerifiedDir dir = sandbox.openParent(t, parents)) {
      byte[] current = FileWrites.current(sandbox, dir, t);
      int old = current == null ? 0 : current.length;
      FileWrites.checkSize(sandbox, (long) old + tail.length, in.path());
      byte[] next = new byte[old + tail.length];
      if (current != null) {
        System.arraycopy(current, 0, next, 0, old);
      }
      System.arraycopy(tail, 0, next, old, tail.length);
      FileWrites.replace(dir, t, next);
      return new Output(t.real().toString(), next.length, tail.length, FileWrites.sha256(next));
    } catch (IOException e) {
      throw Sandbox.ioFailure(in.path(), e);
    }
  }
}

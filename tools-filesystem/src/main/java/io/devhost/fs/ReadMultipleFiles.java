package io.devhost.fs;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/** Reads several text files in one call; a file that fails does not fail the others. */
final class ReadMultipleFiles {

  static final int MAX_FILES = 50;
  static final int DEFAULT_MAX_BYTES_PER_FILE = 64 * 1024;

  private ReadMultipleFiles() {}

  record Input(
      @Schema(
              description = "Files to read (at most " + MAX_FILES + ").",
              requiredMode = Schema.RequiredMode.REQUIRED)
          List<String> paths,
      @Schema(
              description =
                  "Most bytes of text per file; longer files are cut with truncated=true.",
              defaultValue = "" + DEFAULT_MAX_BYTES_PER_FILE,
              minimum = "1",
              maximum = "" + ReadTextFile.MAX_MAX_BYTES)
          Integer maxBytesPerFile) {
    Input {
      if (paths == null || paths.isEmpty()) {
        throw new IllegalArgumentException("paths must list at least one file.");
      }
      if (paths.size() > MAX_FILES) {
        throw new IllegalArgumentException(
            "At most " + MAX_FILES + " files per call, got " + paths.size() + "; split the list.");
      }
      if (maxBytesPerFile != null
          && (maxBytesPerFile < 1 || maxBytesPerFile > ReadTextFile.MAX_MAX_BYTES)) {
        throw new IllegalArgumentException(
            "maxBytesPerFile must be between 1 and " + ReadTextFile.MAX_MAX_BYTES + ".");
      }
      paths = List.copyOf(paths);
    }
  }

  record FileResult(
      @Schema(description = "The path as given.", requiredMode = Schema.RequiredMode.REQUIRED)
          String path,
      @Schema(description = "The text, when the read succeeded.") String content,
      @Schema(description = "Character set used.") String encoding,
      @Schema(description = "True when the text was cut; read the rest with read_text_file.")
          Boolean truncated,
      @Schema(description = "Why this file could not be read.") String error) {}

  record Output(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<FileResult> files) {}

  static ToolSpec<Input, Output> spec(Sandbox sandbox) {
    return ToolSpec.builder("read_multiple_files", Input.class, Output.class)
        .title("Read several files")
        .description(
            "Reads up to "
                + MAX_FILES
                + " text files at once. Each file has its content or its own error; one bad"
                + " path does not fail the others.")
        .idempotent()
        .handler((ctx, in) -> readAll(sandbox, ctx, in))
        .render(ReadMultipleFiles::render)
        .build();
  }

  private static Output readAll(Sandbox sandbox, ToolContext ctx, Input in) {
    int cap = in.maxBytesPerFile() != null ? in.maxBytesPerFile() : DEFAULT_MAX_BYTES_PER_FILE;
    var results = new ArrayList<FileResult>();
    for (String path : in.paths()) {
      ctx.throwIfCancelled();
      try {
        var out = ReadTextFile.read(sandbox, ctx, ReadTextFile.Input.whole(path, cap));
        results.add(new FileResult(path, out.content(), out.encoding(), out.truncated(), null));
      } catch (ToolException e) {
        if (e.kind() == ToolException.Kind.CANCELLED) {
          throw e;
        }
        results.add(new FileResult(path, null, null, null, e.getMessage()));
      }
    }
    return new Output(results);
  }

  private static String render(Output out) {
    var sb = new StringBuilder();
    for (FileResult f : out.files()) {
      if (f.error() != null) {
        sb.append(f.path()).append(": error: ").append(f.error()).append("\n\n");
      } else {
        sb.append(UntrustedText.fence(f.path(), f.content())).append("\n\n");
      }
    }
    return sb.toString();
  }
}

package io.devhost.fs;

import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;

/** Reads a text file, whole or in part, within a size cap that says where to continue. */
final class ReadTextFile {

  static final int MAX_CONTENT_CHARS = 256 * 1024;
  private static final int SNIFF_BYTES = 8192;

  private ReadTextFile() {}

  record Input(
      @Schema(
              description = "File to read, absolute or relative to the first allowed root.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String path,
      @Schema(description = "Return only the first N lines.", minimum = "1") Integer head,
      @Schema(description = "Return only the last N lines.", minimum = "1") Integer tail,
      @Schema(description = "First line to return, counting from 1.", minimum = "1") Integer offset,
      @Schema(description = "Number of lines to return from offset.", minimum = "1") Integer limit,
      @Schema(description = "Prefix each line with its number.", defaultValue = "false")
          Boolean lineNumbers) {

    Input {
      int modes = (head != null ? 1 : 0) + (tail != null ? 1 : 0) + (offset != null ? 1 : 0);
      if (modes > 1) {
        throw new IllegalArgumentException(
            "Use only one of head, tail or offset/limit in one call.");
      }
      requirePositive("head", head);
      requirePositive("tail", tail);
      requirePositive("offset", offset);
      requirePositive("limit", limit);
    }

    private static void requirePositive(String name, Integer value) {
      if (value != null && value < 1) {
        throw new IllegalArgumentException(name + " must be 1 or more, got " + value + ".");
      }
    }
  }

  record Output(
      @Schema(description = "The real path read.", requiredMode = Schema.RequiredMode.REQUIRED)
          String path,
      @Schema(
              description = "The text; lines joined with \\n.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String content,
      @Schema(
              description = "Character set the file was decoded with.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String encoding,
      @Schema(description = "Number of the first line returned; 0 when none.") int startLine,
      @Schema(description = "Number of the last line returned; 0 when none.") int endLine,
      @Schema(
              description =
                  "True when the size cap or a limit stopped the read before the end of the file.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          boolean truncated,
      @Schema(description = "Pass as offset to read on from where this result stopped.")
          Integer nextOffset) {}

  static ToolSpec<Input, Output> spec(Sandbox sandbox) {
    return ToolSpec.builder("read_text_file", Input.class, Output.class)
        .title("Read a text file")
        .description(
            "Reads a text file: whole, its first or last N lines, or a line range (offset and"
                + " limit). Results over "
                + MAX_CONTENT_CHARS / 1024
                + " KiB are cut with truncated=true and a nextOffset to continue. Refuses binary"
                + " files. UTF-8 unless the file is not valid UTF-8, then ISO-8859-1.")
        .idempotent()
        .handler((ctx, in) -> read(sandbox, in))
        .render(Output::content)
        .build();
  }

  private static Output read(Sandbox sandbox, Input in) throws IOException {
    Path file = sandbox.resolveExisting(in.path());
    Sandbox.requireRegularFile(file, in.path());
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      refuseBinary(ch, in.path());
      try {
        return read(ch, file, in, StandardCharsets.UTF_8);
      } catch (CharacterCodingException e) {
        return read(ch, file, in, StandardCharsets.ISO_8859_1);
      }
    }
  }

  private static void refuseBinary(FileChannel ch, String userPath) throws IOException {
    ByteBuffer sniff = ByteBuffer.allocate(SNIFF_BYTES);
    ch.read(sniff, 0);
    for (int i = 0; i < sniff.position(); i++) {
      if (sniff.get(i) == 0) {
        throw ToolException.invalid(
            userPath
                + " looks binary (it contains NUL bytes); use read_media_file for images"
                + " and audio.");
      }
    }
  }

  private static Output read(FileChannel ch, Path file, Input in, Charset charset)
      throws IOException {
    ch.position(0);
    var decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    var reader =
        new BoundedLineReader(
            new InputStreamReader(Channels.newInputStream(ch), decoder), MAX_CONTENT_CHARS);
    return in.tail() != null
        ? readTail(reader, file, in, charset)
        : readRange(reader, file, in, charset);
  }

  private static Output readRange(BoundedLineReader reader, Path file, Input in, Charset cs)
      throws IOException {
    int first = in.offset() != null ? in.offset() : 1;
    Integer count = in.head() != null ? in.head() : in.limit();
    boolean numbers = Boolean.TRUE.equals(in.lineNumbers());
    var out = new StringBuilder();
    int lineNo = 0;
    int last = 0;
    boolean truncated = false;
    BoundedLineReader.Line line;
    while ((line = reader.next()) != null) {
      lineNo++;
      if (lineNo < first) {
        continue;
      }
      if (count != null && lineNo >= first + count) {
        truncated = true;
        break;
      }
      if (last > 0 && out.length() + line.text().length() > MAX_CONTENT_CHARS) {
        truncated = true;
        break;
      }
      append(out, lineNo, line, numbers, last > 0);
      last = lineNo;
    }
    int start = last == 0 ? 0 : first;
    Integer next = truncated ? last + 1 : null;
    return new Output(file.toString(), out.toString(), cs.name(), start, last, truncated, next);
  }

  private static Output readTail(BoundedLineReader reader, Path file, Input in, Charset cs)
      throws IOException {
    int wanted = in.tail();
    var window = new ArrayDeque<BoundedLineReader.Line>();
    long chars = 0;
    int lineNo = 0;
    BoundedLineReader.Line line;
    while ((line = reader.next()) != null) {
      lineNo++;
      window.addLast(line);
      chars += line.text().length() + 1;
      while (window.size() > wanted || (window.size() > 1 && chars > MAX_CONTENT_CHARS)) {
        chars -= window.removeFirst().text().length() + 1;
      }
    }
    int start = window.isEmpty() ? 0 : lineNo - window.size() + 1;
    boolean numbers = Boolean.TRUE.equals(in.lineNumbers());
    var out = new StringBuilder();
    int n = start;
    for (var l : window) {
      append(out, n, l, numbers, n > start);
      n++;
    }
    boolean truncated = window.size() < Math.min(wanted, lineNo);
    return new Output(file.toString(), out.toString(), cs.name(), start, lineNo, truncated, null);
  }

  private static void append(
      StringBuilder out, int lineNo, BoundedLineReader.Line line, boolean numbers, boolean sep) {
    if (sep) {
      out.append('\n');
    }
    if (numbers) {
      out.append(lineNo).append('\t');
    }
    out.append(line.text());
    if (line.cut()) {
      out.append(" … [line cut]");
    }
  }
}

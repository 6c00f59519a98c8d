package io.devhost.fs;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolSpec;
import io.devhost.core.UntrustedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.ArrayDeque;

/** Reads a text file, whole or in part, within a size cap that says where to continue. */
final class ReadTextFile {

  static final int DEFAULT_MAX_BYTES = 256 * 1024;
  static final int MAX_MAX_BYTES = 2 * 1024 * 1024;

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
          Boolean lineNumbers,
      @Schema(
              description =
                  "Character set to decode with, e.g. UTF-16LE or windows-1252. Default: detected"
                      + " (byte-order mark, else UTF-8, else windows-1252).")
          String encoding,
      @Schema(
              description = "Most bytes of text to return; the rest is cut with truncated=true.",
              defaultValue = "" + DEFAULT_MAX_BYTES,
              minimum = "1",
              maximum = "" + MAX_MAX_BYTES)
          Integer maxBytes) {

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
      requirePositive("maxBytes", maxBytes);
      if (maxBytes != null && maxBytes > MAX_MAX_BYTES) {
        throw new IllegalArgumentException(
            "maxBytes is at most "
                + MAX_MAX_BYTES
                + ", got "
                + maxBytes
                + "; read in pages with offset.");
      }
    }

    static Input whole(String path, int maxBytes) {
      return new Input(path, null, null, null, null, null, null, maxBytes);
    }

    int cap() {
      return maxBytes != null ? maxBytes : DEFAULT_MAX_BYTES;
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
                + " limit). Results over maxBytes (default "
                + DEFAULT_MAX_BYTES / 1024
                + " KiB) are cut with truncated=true and a nextOffset to continue. Refuses binary"
                + " files. Decodes UTF-8 (or the byte-order mark's charset), else windows-1252,"
                + " and says which it used.")
        .idempotent()
        .handler((ctx, in) -> read(sandbox, ctx, in))
        .render(out -> UntrustedText.fence(out.path(), out.content()))
        .build();
  }

  static Output read(Sandbox sandbox, ToolContext ctx, Input in) {
    var target = sandbox.existing(in.path(), ctx, Sandbox.Access.READ);
    try (FileChannel ch = sandbox.openFile(target)) {
      String path = target.real().toString();
      if (in.encoding() != null) {
        return read(ch, path, in, TextFiles.charsetNamed(in.encoding()), 0, false);
      }
      var enc = TextFiles.detect(ch, in.path());
      try {
        return read(ch, path, in, enc.charset(), enc.bomBytes(), !enc.detected());
      } catch (CharacterCodingException e) {
        return read(ch, path, in, TextFiles.FALLBACK, 0, false);
      }
    } catch (IOException e) {
      throw Sandbox.ioFailure(in.path(), e);
    }
  }

  private static Output read(
      FileChannel ch, String path, Input in, Charset charset, int skip, boolean strict)
      throws IOException {
    var reader = new BoundedLineReader(TextFiles.reader(ch, charset, skip, strict), in.cap());
    return in.tail() != null
        ? readTail(reader, path, in, charset)
        : readRange(reader, path, in, charset);
  }

  private static Output readRange(BoundedLineReader reader, String path, Input in, Charset cs)
      throws IOException {
    int first = in.offset() != null ? in.offset() : 1;
    Integer count = in.head() != null ? in.head() : in.limit();
    boolean numbers = Boolean.TRUE.equals(in.lineNumbers());
    var out = new StringBuilder();
    long bytes = 0;
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
      long size = utf8Length(line.text()) + 1;
      if (last > 0 && bytes + size > in.cap()) {
        truncated = true;
        break;
      }
      bytes += size;
      append(out, lineNo, line, numbers, last > 0);
      last = lineNo;
    }
    int start = last == 0 ? 0 : first;
    Integer next = truncated ? last + 1 : null;
    return new Output(path, out.toString(), cs.name(), start, last, truncated, next);
  }

  private static Output readTail(BoundedLineReader reader, String path, Input in, Charset cs)
      throws IOException {
    int wanted = in.tail();
    var window = new ArrayDeque<BoundedLineReader.Line>();
    long bytes = 0;
    int lineNo = 0;
    BoundedLineReader.Line line;
    while ((line = reader.next()) != null) {
      lineNo++;
      window.addLast(line);
      bytes += utf8Length(line.text()) + 1;
      while (window.size() > wanted || (window.size() > 1 && bytes > in.cap())) {
        bytes -= utf8Length(window.removeFirst().text()) + 1;
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
    return new Output(path, out.toString(), cs.name(), start, lineNo, truncated, null);
  }

  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
    }
    return n;
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

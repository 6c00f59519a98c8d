package io.devhost.fs;

import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Lists one directory's entries with their kinds and sizes. */
final class ListDirectory {

  static final int MAX_ENTRIES = 10_000;

  private ListDirectory() {}

  record Input(
      @Schema(
              description = "Directory to list, absolute or relative to the first allowed root.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String path) {}

  enum Kind {
    file,
    directory,
    symlink,
    other
  }

  record Entry(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Kind type,
      @Schema(description = "Size in bytes, for regular files.") Long size) {}

  record Output(
      @Schema(description = "The real path listed.", requiredMode = Schema.RequiredMode.REQUIRED)
          String path,
      @Schema(description = "Entries sorted by name.", requiredMode = Schema.RequiredMode.REQUIRED)
          List<Entry> entries,
      @Schema(
              description = "True when the listing stopped at " + MAX_ENTRIES + " entries.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          boolean truncated) {}

  static ToolSpec<Input, Output> spec(Sandbox sandbox) {
    return ToolSpec.builder("list_directory", Input.class, Output.class)
        .title("List a directory")
        .description(
            "Lists the files and subdirectories of a directory, with each entry's type and the"
                + " size of regular files. Symbolic links are shown as links, not followed.")
        .idempotent()
        .handler((ctx, in) -> list(sandbox, in.path()))
        .render(ListDirectory::render)
        .build();
  }

  private static Output list(Sandbox sandbox, String userPath) throws IOException {
    Path dir = sandbox.resolveExisting(userPath);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw ToolException.invalid(userPath + " is not a directory; use read_text_file for files.");
    }
    var entries = new ArrayList<Entry>();
    boolean truncated = false;
    try (var stream = Files.newDirectoryStream(dir)) {
      for (Path child : stream) {
        if (entries.size() == MAX_ENTRIES) {
          truncated = true;
          break;
        }
        entries.add(entry(child));
      }
    }
    entries.sort(Comparator.comparing(Entry::name));
    return new Output(dir.toString(), entries, truncated);
  }

  private static Entry entry(Path child) {
    String name = child.getFileName().toString();
    try {
      var attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attrs.isSymbolicLink()) {
        return new Entry(name, Kind.symlink, null);
      }
      if (attrs.isDirectory()) {
        return new Entry(name, Kind.directory, null);
      }
      if (attrs.isRegularFile()) {
        return new Entry(name, Kind.file, attrs.size());
      }
      return new Entry(name, Kind.other, null);
    } catch (IOException e) {
      return new Entry(name, Kind.other, null);
    }
  }

  private static String render(Output out) {
    var sb = new StringBuilder(out.path()).append('\n');
    for (Entry e : out.entries()) {
      sb.append(
          switch (e.type()) {
            case directory -> "[DIR]  ";
            case symlink -> "[LINK] ";
            case file -> "[FILE] ";
            case other -> "[OTHER]";
          });
      sb.append(e.name());
      if (e.size() != null) {
        sb.append("  (").append(e.size()).append(" bytes)");
      }
      sb.append('\n');
    }
    if (out.truncated()) {
      sb.append("… listing stopped at ").append(MAX_ENTRIES).append(" entries\n");
    }
    return sb.toString();
  }
}

package io.devhost.fs;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import io.devhost.core.ToolSpec;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Lists one directory's entries with their kinds, sizes and modification times. */
final class ListDirectory {

  static final int MAX_ENTRIES = 10_000;

  private ListDirectory() {}

  enum SortBy {
    name,
    size,
    modified
  }

  record Input(
      @Schema(
              description = "Directory to list, absolute or relative to the first allowed root.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String path,
      @Schema(description = "Include names starting with a dot.", defaultValue = "false")
          Boolean includeHidden,
      @Schema(
              description = "Sort order; size and modified put the largest and newest first.",
              defaultValue = "name")
          SortBy sortBy) {}

  enum Kind {
    file,
    directory,
    symlink,
    other
  }

  record Entry(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Kind type,
      @Schema(description = "Size in bytes, for regular files.") Long size,
      @Schema(description = "Last modification, ISO-8601.") String modified) {}

  record Output(
      @Schema(description = "The real path listed.", requiredMode = Schema.RequiredMode.REQUIRED)
          String path,
      @Schema(
              description = "Entries in the requested order.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          List<Entry> entries,
      @Schema(
              description = "True when the listing stopped at " + MAX_ENTRIES + " entries.",
              requiredMode = Schema.RequiredMode.REQUIRED)
          boolean truncated) {}

  static ToolSpec<Input, Output> spec(Sandbox sandbox) {
    return ToolSpec.builder("list_directory", Input.class, Output.class)
        .title("List a directory")
        .description(
            "Lists the files and subdirectories of a directory, with each entry's type, the size"
                + " of regular files and the modification time. Symbolic links are shown as links,"
                + " not followed. Hidden (dot) files only on request; files hidden by the deny"
                + " rules (secrets) are never shown.")
        .idempotent()
        .handler((ctx, in) -> list(sandbox, ctx, in))
        .render(ListDirectory::render)
        .build();
  }

  private static Output list(Sandbox sandbox, ToolContext ctx, Input in) {
    var t = sandbox.existing(in.path(), ctx, Sandbox.Access.READ);
    boolean hidden = Boolean.TRUE.equals(in.includeHidden());
    String base = t.isRoot() ? "" : t.relative() + "/";
    var entries = new ArrayList<Entry>();
    boolean truncated = false;
    try (VerifiedDir dir = openDirectory(sandbox, t)) {
      for (Path child : dir) {
        Path name = child.getFileName();
        String n = name.toString();
        if ((!hidden && n.startsWith(".")) || sandbox.denyRules().hidesEntry(n, base + n)) {
          continue;
        }
        if (entries.size() == MAX_ENTRIES) {
          truncated = true;
          break;
        }
        entries.add(entry(n, dir.attributes(name)));
      }
    } catch (IOException e) {
      throw Sandbox.ioFailure(in.path(), e);
    }
    entries.sort(order(in.sortBy()));
    return new Output(t.real().toString(), entries, truncated);
  }

  static VerifiedDir openDirectory(Sandbox sandbox, Sandbox.Target t) throws IOException {
    var attrs = sandbox.attributes(t);
    if (!attrs.isDirectory()) {
      throw ToolException.invalid(
          t.userPath() + " is not a directory; use read_text_file for files.");
    }
    return sandbox.openDir(t);
  }

  private static Comparator<Entry> order(SortBy sortBy) {
    Comparator<Entry> byName = Comparator.comparing(Entry::name);
    if (sortBy == SortBy.size) {
      return Comparator.comparing((Entry e) -> e.size() == null ? -1 : e.size())
          .reversed()
          .thenComparing(byName);
    }
    if (sortBy == SortBy.modified) {
      return Comparator.comparing((Entry e) -> e.modified() == null ? "" : e.modified())
          .reversed()
          .thenComparing(byName);
    }
    return byName;
  }

  private static Entry entry(String name, BasicFileAttributes attrs) {
    if (attrs == null) {
      return new Entry(name, Kind.other, null, null);
    }
    String modified = attrs.lastModifiedTime().toString();
    if (attrs.isSymbolicLink()) {
      return new Entry(name, Kind.symlink, null, modified);
    }
    if (attrs.isDirectory()) {
      return new Entry(name, Kind.directory, null, modified);
    }
    if (attrs.isRegularFile()) {
      return new Entry(name, Kind.file, attrs.size(), modified);
    }
    return new Entry(name, Kind.other, null, modified);
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

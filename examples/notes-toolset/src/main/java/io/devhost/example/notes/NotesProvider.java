package io.devhost.example.notes;

import io.devhost.core.Toolset;
import io.devhost.core.ToolsetContext;
import io.devhost.core.ToolsetOptions;
import io.devhost.core.ToolsetProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The {@code notes} toolset as a plugin. DevHost finds this class through the file
 * META-INF/services/io.devhost.core.ToolsetProvider in this jar; nothing in DevHost names it.
 */
public final class NotesProvider implements ToolsetProvider {

  /**
   * The toolset's settings. Each option is also a {@code DEVHOST_*} variable and a devhost.yaml key
   * ({@code --notes-file} is {@code DEVHOST_NOTES_FILE} and {@code notes-file:}).
   */
  public static final class Options {
    @Option(
        names = "--notes-file",
        paramLabel = "FILE",
        description =
            "File the notes toolset keeps its notes in, one per line (default: notes.md).")
    Path file = Path.of("notes.md");

    @Option(
        names = "--notes-write",
        defaultValue = "false",
        description = "List add_note, which appends to the notes file. Off by default.")
    boolean write;
  }

  @Override
  public String id() {
    return "notes";
  }

  @Override
  public String description() {
    return "an example: short notes kept in one file";
  }

  @Override
  public List<Class<?>> optionGroups() {
    return List.of(Options.class);
  }

  /** Off unless named in {@code --toolsets}: a plugin should not change what a server serves. */
  @Override
  public String onByDefaultWhen() {
    return null;
  }

  @Override
  public Set<String> writeSwitchesOn(ToolsetOptions options) {
    return options.get(Options.class).write ? Set.of(NotesToolset.WRITE_SWITCH) : Set.of();
  }

  @Override
  public Toolset create(ToolsetOptions options, ToolsetContext context) {
    return new NotesToolset(new NotesFile(options.get(Options.class).file.toAbsolutePath()));
  }
}

package io.devhost.fs;

import io.devhost.core.PathPolicy;
import io.devhost.core.Toolset;
import io.devhost.core.ToolsetContext;
import io.devhost.core.ToolsetOptions;
import io.devhost.core.ToolsetProvider;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** The {@code fs} toolset as a plugin: on by default, its writing tools too. */
public final class FilesystemProvider implements ToolsetProvider {

  /** The switch of the file tools that write. */
  public static final class WriteOption {
    @Option(
        names = "--fs-write",
        negatable = true,
        defaultValue = "true",
        fallbackValue = "true",
        description =
            "List the file tools that write (write_file, edit_file, move_file, delete_file, ...),"
                + " confined to the writable roots. On by default; --no-fs-write hides them.")
    boolean fsWrite = true;
  }

  @Override
  public String id() {
    return "fs";
  }

  @Override
  public String description() {
    return "files under the roots: read, search, edit, write";
  }

  @Override
  public List<Class<?>> optionGroups() {
    return List.of(WriteOption.class, SandboxOptions.class);
  }

  @Override
  public String onByDefaultWhen() {
    return "";
  }

  @Override
  public Set<String> writeSwitchesOn(ToolsetOptions options) {
    return options.get(WriteOption.class).fsWrite
        ? Set.of(FilesystemToolset.WRITE_SWITCH)
        : Set.of();
  }

  /** The sandbox, offered to every toolset that opens files (git) so that all follow its rules. */
  @Override
  public <T> Optional<T> offer(Class<T> type, ToolsetOptions options, ToolsetContext context) {
    if (type == Sandbox.class) {
      return Optional.of(type.cast(options.get(SandboxOptions.class).sandbox(context)));
    }
    // The same sandbox object, so git and fs follow one set of roots and deny rules.
    return type == PathPolicy.class
        ? Optional.of(type.cast(context.shared(Sandbox.class)))
        : Optional.empty();
  }

  @Override
  public Toolset create(ToolsetOptions options, ToolsetContext context) {
    return new FilesystemToolset(context.shared(Sandbox.class));
  }
}

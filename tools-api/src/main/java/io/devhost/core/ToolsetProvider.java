package io.devhost.core;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A toolset as a plugin: the server finds every provider on the class path with {@link
 * java.util.ServiceLoader} (a {@code META-INF/services/io.devhost.core.ToolsetProvider} file names
 * the class) and asks it everything it needs, so adding a toolset edits no server code.
 *
 * <p>The server calls {@link #id}, {@link #description} and {@link #optionGroups} to build the
 * command line, then {@link #onByDefault} and {@link #writeSwitchesOn} to decide what to serve, and
 * {@link #create} only for the toolsets it serves. Keep the toolset's own classes out of everything
 * but {@code create}: a toolset that is not served then costs no class loading at start-up.
 */
public interface ToolsetProvider {

  /** Short id used on the command line ({@code --toolsets ID}) and in audit records. */
  String id();

  /** One line saying what the toolset offers, for listings and errors. */
  String description();

  /**
   * The classes whose picocli {@code @Option} fields hold this toolset's settings. The server makes
   * one object of each (public no-argument constructor) and adds its options to every command that
   * builds toolsets, so each option is a flag, a {@code DEVHOST_*} variable and a {@code
   * devhost.yaml} key at once, and appears in {@code --help} and docs/configuration.md. A class
   * that several providers list (the file sandbox's, shared by fs and git) gets one object.
   */
  default List<Class<?>> optionGroups() {
    return List.of();
  }

  /**
   * When the toolset is on without {@code --toolsets}: {@code null} when never, {@code ""} when
   * always, else the condition as it reads after the id in {@code --help} ("where a database is
   * configured").
   */
  String onByDefaultWhen();

  /**
   * Whether the toolset is on without {@code --toolsets}, given its options. By default: when
   * {@link #onByDefaultWhen} says always; a provider with a condition decides it here.
   */
  default boolean onByDefault(ToolsetOptions options, ToolsetContext context) {
    return "".equals(onByDefaultWhen());
  }

  /**
   * The write switches of this toolset that are on (each tool names its switch in {@link
   * ToolSpec#writeSwitch()}); a writing tool whose switch is off is neither listed nor callable.
   */
  Set<String> writeSwitchesOn(ToolsetOptions options);

  /**
   * An object of {@code type} that this provider offers to other toolsets, built from its options:
   * the file toolset offers its sandbox, so that git follows the same roots and deny rules. The
   * server asks once per type and hands the one object to every toolset that asks for it with
   * {@link ToolsetContext#shared}. Empty when this provider offers no such object.
   */
  default <T> Optional<T> offer(Class<T> type, ToolsetOptions options, ToolsetContext context) {
    return Optional.empty();
  }

  /** Builds the toolset. Checks its options and does no I/O beyond checking paths. */
  Toolset create(ToolsetOptions options, ToolsetContext context);
}

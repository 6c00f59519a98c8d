package io.devhost.git;

import io.devhost.core.PathPolicy;
import io.devhost.core.Toolset;
import io.devhost.core.ToolsetContext;
import io.devhost.core.ToolsetOptions;
import io.devhost.core.ToolsetProvider;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The {@code git} toolset as a plugin: on by default, read-only unless asked. It opens repositories
 * through the {@link PathPolicy} that the {@code fs} provider offers (its sandbox), so both follow
 * the same roots and deny rules.
 */
public final class GitProvider implements ToolsetProvider {

  /** The switch of the git tools that change a repository. */
  public static final class WriteOption {
    @Option(
        names = "--git-write",
        defaultValue = "false",
        description =
            "List the git tools that change a repository (add, commit, branch, checkout)."
                + " Off by default.")
    boolean gitWrite;
  }

  @Override
  public String id() {
    return "git";
  }

  @Override
  public String description() {
    return "git history, diffs and blame of the repositories under the roots; commits when asked";
  }

  @Override
  public List<Class<?>> optionGroups() {
    return List.of(WriteOption.class);
  }

  @Override
  public String onByDefaultWhen() {
    return "";
  }

  @Override
  public Set<String> writeSwitchesOn(ToolsetOptions options) {
    return options.get(WriteOption.class).gitWrite ? Set.of(GitToolset.WRITE_SWITCH) : Set.of();
  }

  @Override
  public Toolset create(ToolsetOptions options, ToolsetContext context) {
    return new GitToolset(context.shared(PathPolicy.class));
  }
}

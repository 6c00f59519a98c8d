package io.devhost.server.config;

import io.devhost.core.Toolset;
import io.devhost.core.ToolsetContext;
import io.devhost.core.ToolsetOptions;
import io.devhost.core.ToolsetProvider;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The toolsets on the class path, found with {@link ServiceLoader}, and their option objects: the
 * server asks these providers everything it knows about toolsets, so it names none itself. One
 * instance per command line, because the option objects hold that command line's values.
 */
public final class ToolsetPlugins {

  /** Keys of the {@code --toolsets} help text that depend on the providers found. */
  static final String AVAILABLE_KEY = "devhost.toolsets.available";

  static final String DEFAULT_KEY = "devhost.toolsets.default";

  private final List<ToolsetProvider> providers;
  private final Map<Class<?>, Object> optionGroups = new LinkedHashMap<>();
  private final Map<Class<?>, Object> shared = new HashMap<>();

  ToolsetPlugins(List<ToolsetProvider> providers) {
    this.providers = providers.stream().sorted(Comparator.comparing(ToolsetProvider::id)).toList();
    for (ToolsetProvider provider : this.providers) {
      provider.optionGroups().forEach(group -> optionGroups.computeIfAbsent(group, this::make));
    }
  }

  /** The providers that this program's class path holds, sorted by id. */
  static ToolsetPlugins discover() {
    var found = new ArrayList<ToolsetProvider>();
    ServiceLoader.load(ToolsetProvider.class).forEach(found::add);
    var ids = new LinkedHashSet<String>();
    for (ToolsetProvider provider : found) {
      if (!ids.add(provider.id())) {
        throw new IllegalStateException(
            "Two toolsets on the class path have the id '"
                + provider.id()
                + "'; remove one of their jars.");
      }
    }
    return new ToolsetPlugins(found);
  }

  private Object make(Class<?> group) {
    try {
      return group.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
      throw new IllegalStateException(
          "option group " + group.getName() + " needs a public no-argument constructor", cause);
    }
  }

  /**
   * Adds every toolset's options to {@code command}, and the help text of {@code --toolsets} that
   * lists the toolsets found.
   */
  void addOptionsTo(CommandSpec command) {
    optionGroups.forEach(
        (group, object) ->
            command.addMixin(group.getName(), CommandSpec.forAnnotatedObject(object)));
    command.resourceBundle(helpTexts());
  }

  private ListResourceBundle helpTexts() {
    Object[][] texts = {{AVAILABLE_KEY, String.join(", ", ids())}, {DEFAULT_KEY, defaults()}};
    return new ListResourceBundle() {
      @Override
      protected Object[][] getContents() {
        return texts;
      }
    };
  }

  /** "fs,git, and pg where a database is configured": how the providers say when they are on. */
  private String defaults() {
    var always = new ArrayList<String>();
    var sometimes = new ArrayList<String>();
    for (ToolsetProvider provider : providers) {
      String when = provider.onByDefaultWhen();
      if (when != null && when.isEmpty()) {
        always.add(provider.id());
      } else if (when != null) {
        sometimes.add(provider.id() + " " + when);
      }
    }
    var text = new StringBuilder(always.isEmpty() ? "none" : String.join(",", always));
    sometimes.forEach(s -> text.append(", and ").append(s));
    return text.toString();
  }

  public List<String> ids() {
    return providers.stream().map(ToolsetProvider::id).toList();
  }

  /** The providers named, in that order, else those on by default. */
  List<ToolsetProvider> chosen(List<String> named, ToolsetContext context) {
    if (named.isEmpty()) {
      return providers.stream().filter(p -> p.onByDefault(optionsOf(p), context)).toList();
    }
    var chosen = new ArrayList<ToolsetProvider>();
    for (String id : new LinkedHashSet<>(named)) {
      chosen.add(
          providers.stream()
              .filter(p -> p.id().equals(id))
              .findFirst()
              .orElseThrow(() -> unknown(id)));
    }
    return chosen;
  }

  private IllegalArgumentException unknown(String id) {
    return new IllegalArgumentException(
        "--toolsets names '"
            + id
            + "', which is not a toolset of this DevHost. Available: "
            + providers.stream()
                .map(p -> p.id() + " (" + p.description() + ")")
                .collect(Collectors.joining("; "))
            + ".");
  }

  /** Builds the chosen toolsets; closes those built so far when one fails. */
  List<Toolset> create(List<ToolsetProvider> chosen, ToolsetContext context) {
    var created = new ArrayList<Toolset>();
    try {
      for (ToolsetProvider provider : chosen) {
        created.add(provider.create(optionsOf(provider), context));
      }
      return created;
    } catch (RuntimeException e) {
      created.forEach(Toolset::close);
      throw e;
    }
  }

  /** The one object of {@code type} that a provider offers, made on first request. */
  synchronized <T> T shared(Class<T> type, ToolsetContext context) {
    Object made = shared.get(type);
    if (made == null) {
      made =
          providers.stream()
              .map(p -> p.offer(type, optionsOf(p), context))
              .flatMap(Optional::stream)
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "No toolset on the class path offers a "
                              + type.getSimpleName()
                              + "; the jar that does is missing."));
      shared.put(type, made);
    }
    return type.cast(made);
  }

  /**
   * The write switches that are on, over every toolset found (a switch of one not served is moot).
   */
  Set<String> writeSwitchesOn() {
    var on = new LinkedHashSet<String>();
    providers.forEach(p -> on.addAll(p.writeSwitchesOn(optionsOf(p))));
    return Set.copyOf(on);
  }

  /** The bound object of one option group, for commands that use a toolset's settings directly. */
  public <T> T options(Class<T> group) {
    Object object = optionGroups.get(group);
    if (object == null) {
      throw new IllegalArgumentException(
          "no toolset on the class path has the option group " + group.getName());
    }
    return group.cast(object);
  }

  private ToolsetOptions optionsOf(ToolsetProvider provider) {
    var own = Set.copyOf(provider.optionGroups());
    return new ToolsetOptions() {
      @Override
      public <T> T get(Class<T> group) {
        if (!own.contains(group)) {
          throw new IllegalArgumentException(
              provider.id() + " did not declare the option group " + group.getName());
        }
        return options(group);
      }
    };
  }
}

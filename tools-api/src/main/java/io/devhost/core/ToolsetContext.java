package io.devhost.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the server tells every toolset it creates: the roots it serves, the demo, the process. */
public interface ToolsetContext {

  /** The writable roots configured ({@code --roots}), or the demo project's; may be empty. */
  List<Path> roots();

  /** The roots configured read-only ({@code --read-only-roots}). */
  List<Path> readOnlyRoots();

  /**
   * The roots of sessions whose client offers none, when no root was configured: the working
   * directory when it is safe to serve, else none (the server then warns once, when first asked).
   */
  List<Path> defaultRoots();

  /** How a user gives DevHost a root; for refusals made for lack of one. */
  String howToSetARoot();

  /** The throwaway copy of the demo project under {@code --demo}; empty otherwise. */
  Optional<Path> demoProject();

  /** The process environment (tokens, {@code PG*} variables are read from it). */
  Map<String, String> environment();

  /** The {@code User-Agent} a toolset that calls out identifies DevHost with. */
  String userAgent();

  /**
   * The one object of {@code type} that a provider on the class path offers (see {@link
   * ToolsetProvider#offer}), made on first request and the same for every toolset.
   *
   * @throws IllegalStateException naming the type when no provider offers one
   */
  <T> T shared(Class<T> type);
}

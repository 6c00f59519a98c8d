package io.devhost.core;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A unit of related tools, resources and prompts that can be switched on and off as a whole.
 *
 * <p>Creating a toolset must be cheap and do no I/O: the server builds every enabled toolset at
 * start-up, and cold start is measured. Connections and caches are opened on first use.
 */
public interface Toolset extends AutoCloseable {

  /** Short id used on the command line, e.g. {@code fs}, {@code git}, {@code pg}. */
  String id();

  /** One paragraph for the server's {@code instructions}: when a model should reach for this. */
  String instructions();

  List<ToolSpec<?, ?>> tools();

  /**
   * Whether this toolset's tools work within the client's roots (their sandbox narrows to the roots
   * the client offers), so a 2026-07-28 client that declares roots is asked for them first.
   */
  default boolean usesClientRoots() {
    return false;
  }

  default List<ResourceSpec> resources() {
    return List.of();
  }

  default List<ResourceTemplateSpec> resourceTemplates() {
    return List.of();
  }

  default List<PromptSpec> prompts() {
    return List.of();
  }

  default List<CompletionSpec> completions() {
    return List.of();
  }

  /**
   * Whether this toolset tells subscribed clients when one of its resources changes; the server
   * then offers {@code resources/subscribe}.
   */
  default boolean announcesResourceUpdates() {
    return false;
  }

  /**
   * Called once by the server at start-up with the sink for {@code
   * notifications/resources/updated}: the toolset passes the URI of a resource that changed (the
   * server sends it only to sessions subscribed to that URI).
   */
  default void announceResourceUpdatesTo(Consumer<String> updatedUri) {}

  /**
   * Why this toolset cannot serve right now (a configured database that does not answer, say), in a
   * few words with no secrets; empty when it can. Called by readiness probes, so it may do quick
   * I/O but must not start anything that was deferred to first use.
   */
  default Optional<String> unavailable() {
    return Optional.empty();
  }

  /** Releases pools, watchers and threads. Must be idempotent. */
  @Override
  default void close() {}
}

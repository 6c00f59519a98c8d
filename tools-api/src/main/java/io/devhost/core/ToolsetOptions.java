package io.devhost.core;

/** The option objects a server bound from its configuration, by class (see ToolsetProvider). */
public interface ToolsetOptions {

  /**
   * The bound object of one of the provider's option groups.
   *
   * @throws IllegalArgumentException when {@code group} is not among the provider's option groups
   */
  <T> T get(Class<T> group);
}

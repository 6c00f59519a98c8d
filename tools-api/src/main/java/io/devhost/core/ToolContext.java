package io.devhost.core;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** What a running tool may ask of the session that called it. */
public interface ToolContext {

  /** A context for calls outside an MCP session (the {@code devhost call} command, tests). */
  ToolContext DETACHED =
      new ToolContext() {
        @Override
        public void progress(double done, Double total, String message) {}

        @Override
        public boolean isCancelled() {
          return false;
        }

        @Override
        public Optional<List<URI>> clientRoots() {
          return Optional.empty();
        }
      };

  /**
   * Reports progress to the client when it asked for it (a {@code progressToken}); otherwise a
   * no-op. Cheap enough to call per item, the server rate-limits what it sends.
   */
  void progress(double done, Double total, String message);

  /** True once the client sent {@code notifications/cancelled} for this call. */
  boolean isCancelled();

  /** Throws {@link ToolException} of kind {@code CANCELLED} when the call was cancelled. */
  default void throwIfCancelled() {
    if (isCancelled()) {
      throw new ToolException(
          ToolException.Kind.CANCELLED, "The call was cancelled by the client.");
    }
  }

  /**
   * Attaches a value to the result's {@code _meta} (for example the remaining API quota), beside
   * the structured content rather than in it. The server's runner collects these; elsewhere they
   * are dropped.
   */
  default void resultMeta(String key, Object value) {}

  /**
   * The roots the client declared, when it supports roots. Empty when the client has no roots
   * capability; toolsets use these only to narrow what they were configured with.
   */
  Optional<List<URI>> clientRoots();
}

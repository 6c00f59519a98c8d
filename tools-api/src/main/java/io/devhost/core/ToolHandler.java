package io.devhost.core;

/** The code behind one tool: a validated input record in, an output record out. */
@FunctionalInterface
public interface ToolHandler<I, O> {

  /**
   * Does the work.
   *
   * @throws ToolException for every failure the caller can act on; anything else is reported as an
   *     internal error without details
   */
  O call(ToolContext context, I input) throws Exception;
}

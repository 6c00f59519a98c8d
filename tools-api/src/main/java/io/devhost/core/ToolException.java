package io.devhost.core;

/**
 * A failure a caller can act on. Its message goes to the client verbatim as an {@code isError}
 * result, so it must say what was wrong, with which value, and what to do instead; it must never
 * carry secrets or stack traces.
 */
public class ToolException extends RuntimeException {

  /**
   * Why the call failed, for the audit log and the metrics. The client sees only the message, as
   * written, so the message itself must say what went wrong.
   */
  public enum Kind {
    INVALID_ARGUMENT,
    NOT_FOUND,
    DENIED,
    CONFLICT,
    TOO_LARGE,
    TIMEOUT,
    CANCELLED,
    UNAVAILABLE,
    INTERNAL
  }

  private final Kind kind;

  public ToolException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public ToolException(Kind kind, String message, Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static ToolException invalid(String message) {
    return new ToolException(Kind.INVALID_ARGUMENT, message);
  }

  public static ToolException notFound(String message) {
    return new ToolException(Kind.NOT_FOUND, message);
  }

  public static ToolException denied(String message) {
    return new ToolException(Kind.DENIED, message);
  }
}

package io.devhost.bridge.model;

/** A backend failure, with a message a user can act on (what failed and what to do). */
public final class ModelException extends RuntimeException {

  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}

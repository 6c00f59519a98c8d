package io.devhost.bridge.model;

/** One turn of the conversation sent to the model. R1 gets no system turn: see the planner. */
public record Turn(Role role, String content) {

  /** Who speaks. */
  public enum Role {
    USER,
    ASSISTANT;

    /** The role name every chat API and chat template uses. */
    public String wireName() {
      return this == USER ? "user" : "assistant";
    }
  }

  public static Turn user(String content) {
    return new Turn(Role.USER, content);
  }

  public static Turn assistant(String content) {
    return new Turn(Role.ASSISTANT, content);
  }
}

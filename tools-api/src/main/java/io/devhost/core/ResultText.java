package io.devhost.core;

/** Text renderings of tool outputs, shared by tools that have no better rendering. */
public final class ResultText {

  private ResultText() {}

  /** The output as compact JSON. */
  public static String json(Object output) {
    return Json.MAPPER.writeValueAsString(output);
  }
}

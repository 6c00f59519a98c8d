package io.devhost.server.policy;

import io.devhost.core.ToolSpec;
import io.devhost.core.audit.ArgumentRedactor;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The elicitation form that asks whether a destructive call may run, the same in both protocol
 * eras: the tool and its key arguments (redacted like the audit log, and shortened) and a single
 * checkbox that must be ticked: accepting without ticking it counts as a refusal.
 */
public final class ConfirmationForm {

  private static final int MAX_SHOWN_CHARS = 120;
  private static final String FIELD = "confirm";

  private ConfirmationForm() {}

  /** The form's text: what is about to run, with which arguments. */
  public static String message(ToolSpec<?, ?> tool, Map<String, Object> arguments) {
    String shown =
        ArgumentRedactor.redact(arguments).entrySet().stream()
            .map(e -> e.getKey() + " = " + shorten(String.valueOf(e.getValue())))
            .collect(Collectors.joining("\n"));
    String title = tool.title() == null ? "" : " (" + tool.title() + ")";
    return "DevHost: the assistant wants to run "
        + tool.name()
        + title
        + ", which may overwrite or delete data."
        + (shown.isEmpty() ? "" : "\n" + shown);
  }

  /** The form's schema: one required checkbox. */
  public static Map<String, Object> schema(ToolSpec<?, ?> tool) {
    return Map.of(
        "type", "object",
        "properties",
            Map.of(
                FIELD,
                Map.of(
                    "type", "boolean",
                    "title", "Run " + tool.name(),
                    "description", "Tick to let this call change or delete data.")),
        "required", List.of(FIELD));
  }

  /**
   * The user's answer: confirmed only when the form was accepted with the box ticked.
   *
   * @param action the elicitation result's action, lower case ({@code accept}, {@code decline},
   *     {@code cancel})
   */
  public static Confirmer.Answer answer(String action, Map<String, Object> content) {
    boolean accepted =
        "accept".equalsIgnoreCase(action)
            && content != null
            && Boolean.TRUE.equals(content.get(FIELD));
    return accepted ? Confirmer.Answer.CONFIRMED : Confirmer.Answer.DECLINED;
  }

  private static String shorten(String value) {
    return value.length() <= MAX_SHOWN_CHARS
        ? value
        : value.substring(0, MAX_SHOWN_CHARS) + "… (" + value.length() + " chars)";
  }
}

package io.devhost.server.policy;

import io.devhost.core.ToolSpec;
import java.util.Map;

/**
 * Whom the tool-call pipeline asks before a destructive call runs. A legacy MCP session asks
 * through elicitation and waits for the answer; a 2026-07-28 request cannot wait, so it puts the
 * question to the client in an {@code InputRequiredResult} and the retry carries the answer; {@code
 * devhost call} can ask nobody.
 */
public interface Confirmer {

  /** What the user (or the client) answered. */
  enum Answer {
    CONFIRMED,
    DECLINED,
    /** The client cannot be asked (no elicitation capability, or a command line). */
    CANNOT_ASK,
    /**
     * The question went to the client as an input request and this request ends here: nothing runs
     * until the client retries with the answer (2026-07-28 only).
     */
    ASKED
  }

  /** Whether {@link #confirm} can ask anybody. */
  boolean canConfirm();

  /** Asks whether a destructive call may run; {@link Answer#CANNOT_ASK} where nobody can. */
  Answer confirm(ToolSpec<?, ?> tool, Map<String, Object> arguments);

  /** What the user can do when a call needs confirmation that this origin cannot give. */
  String withoutConfirmation();
}

package io.devhost.bridge.planner;

import io.devhost.bridge.host.HostTool;
import io.devhost.bridge.host.UserConsole;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether a call may run. Read-only tools (by their server's annotation) run; any other
 * follows the policy, and under {@link ApprovalPolicy#ASK} the user answers at the terminal. Only
 * the policy and the user's typed answers change a decision: nothing the model writes and nothing
 * inside a tool result reaches this class, so injected text cannot grant itself a write.
 */
public final class ApprovalGate {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final UserConsole console;
  private final Set<String> alwaysAllowed = new HashSet<>();
  private volatile ApprovalPolicy policy;

  public ApprovalGate(ApprovalPolicy policy, UserConsole console) {
    this.policy = policy;
    this.console = console;
  }

  public ApprovalPolicy policy() {
    return policy;
  }

  /** Changes the policy (the chat's {@code /approve}); typed by the user, never by the model. */
  public void setPolicy(ApprovalPolicy policy) {
    this.policy = policy;
  }

  public synchronized Decision decide(HostTool tool, Map<String, Object> arguments) {
    if (tool.readOnly()) {
      return Decision.READ_ONLY;
    }
    switch (policy) {
      case NEVER:
        return Decision.REFUSED_BY_POLICY;
      case ALWAYS:
        return Decision.APPROVED_BY_POLICY;
      default:
        break;
    }
    if (alwaysAllowed.contains(tool.name())) {
      return Decision.APPROVED_ALWAYS_FOR_TOOL;
    }
    if (!console.interactive()) {
      return Decision.REFUSED_NON_INTERACTIVE;
    }
    String kind = tool.destructive() ? "may delete or overwrite data" : "changes data";
    String answer =
        console.ask(
            "The model wants to call "
                + tool.name()
                + " on "
                + tool.server()
                + " ("
                + kind
                + ") with "
                + ActionParser.abbreviate(JSON.writeValueAsString(arguments))
                + "\nAllow? [y]es / [n]o / [a]lways for this tool: ");
    String a = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
    if (a.equals("a") || a.equals("always")) {
      alwaysAllowed.add(tool.name());
      return Decision.APPROVED_ALWAYS_FOR_TOOL;
    }
    return a.equals("y") || a.equals("yes") ? Decision.APPROVED_BY_USER : Decision.REFUSED_BY_USER;
  }
}

package io.devhost.bridge.planner;

import io.devhost.bridge.changes.ChangePager;
import io.devhost.bridge.changes.ChangeReview;
import io.devhost.bridge.host.HostTool;
import io.devhost.bridge.host.UserConsole;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether a call may run. Read-only tools (by their server's annotation) run; any other
 * follows the policy, and under {@link ApprovalPolicy#ASK} the user answers at the terminal. Only
 * the policy and the user's typed answers change a decision: nothing the model writes and nothing
 * inside a tool result reaches this class, so injected text cannot grant itself a write. A change
 * the change monitor flagged is never approved by the policy alone: a person decides, or it is
 * refused.
 */
public final class ApprovalGate {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final UserConsole console;
  private final Set<String> alwaysAllowed = new HashSet<>();
  private final List<String> flagged = new ArrayList<>();
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

  /** The flagged changes of this session and what was decided, for the chat's {@code /approve}. */
  public synchronized List<String> flagged() {
    return List.copyOf(flagged);
  }

  public Decision decide(HostTool tool, Map<String, Object> arguments) {
    return decide(tool, arguments, null);
  }

  /** Decides a call; {@code change} is the reviewed change of a write (null when none was made). */
  public synchronized Decision decide(
      HostTool tool, Map<String, Object> arguments, ChangeReview change) {
    if (tool.readOnly()) {
      return Decision.READ_ONLY;
    }
    if (change != null && change.flagged()) {
      return escalate(tool, change);
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
    String header =
        "The model wants to call "
            + tool.name()
            + " on "
            + tool.server()
            + " ("
            + kind
            + ") with "
            + ActionParser.abbreviate(JSON.writeValueAsString(arguments));
    String question = "Allow? [y]es / [n]o / [a]lways for this tool: ";
    String answer =
        change == null
            ? console.ask(header + "\n" + question)
            : ChangePager.ask(console, header + "\nThe change:", change.diff(), question);
    String a = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
    if (a.equals("a") || a.equals("always")) {
      alwaysAllowed.add(tool.name());
      return Decision.APPROVED_ALWAYS_FOR_TOOL;
    }
    return yes(a) ? Decision.APPROVED_BY_USER : Decision.REFUSED_BY_USER;
  }

  /** A flagged change: a person reads the diff and the reasons, or it is not written. */
  private Decision escalate(HostTool tool, ChangeReview change) {
    Decision decision;
    if (policy == ApprovalPolicy.NEVER) {
      decision = Decision.REFUSED_BY_POLICY;
    } else if (!console.interactive()) {
      decision = Decision.REFUSED_FLAGGED;
    } else {
      String answer =
          ChangePager.ask(
              console,
              "The change monitor FLAGGED a change the model wants to make with "
                  + tool.name()
                  + " on "
                  + tool.server()
                  + ":\n"
                  + change.reasons()
                  + "\nThe change:",
              change.diff(),
              "Write it anyway? [y]es / [n]o: ");
      decision =
          yes(answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT))
              ? Decision.APPROVED_FLAGGED_BY_USER
              : Decision.REFUSED_BY_USER;
    }
    flagged.add(
        tool.name()
            + " -> "
            + decision.name().toLowerCase(Locale.ROOT)
            + ": "
            + String.join("; ", change.findings().stream().map(f -> f.describe()).toList()));
    return decision;
  }

  private static boolean yes(String answer) {
    return answer.equals("y") || answer.equals("yes");
  }
}

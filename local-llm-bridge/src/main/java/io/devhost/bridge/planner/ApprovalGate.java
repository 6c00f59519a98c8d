package io.devhost.bridge.planner;

import io.devhost.bridge.changes.ChangePager;
import io.devhost.bridge.changes.ChangeReview;
import io.devhost.bridge.host.HostTool;
import io.devhost.bridge.host.UserConsole;
import io.devhost.bridge.trust.SqlArguments;
import io.devhost.bridge.trust.TrustList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides whether a call may run, as a short sequence of checks. A call whose SQL-looking argument
 * is not a plain read is a write, whatever the server or the trust list says; a tool the user
 * distrusted is too. Otherwise a tool its server declares read-only runs, and so does one the user
 * trusted. Every other call follows the policy, and under {@link ApprovalPolicy#ASK} the user
 * answers at the terminal. Only the user (flags, config file, typed answers) changes a decision:
 * nothing the model writes and nothing inside a tool result reaches this class, so injected text
 * cannot grant itself a write. A change the change monitor flagged is never approved by the policy
 * or the trust list alone: a person decides, or it is refused.
 */
public final class ApprovalGate {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final UserConsole console;
  private final TrustList trust;

  /**
   * Tools the user answered "always" for in this session, to whether that answer was given for a
   * SQL write (then it covers SQL writes too; an "always" given for a read-looking call does not).
   */
  private final Map<String, Boolean> alwaysAllowed = new HashMap<>();

  private final List<String> flagged = new ArrayList<>();

  private volatile ApprovalPolicy policy;

  public ApprovalGate(ApprovalPolicy policy, UserConsole console) {
    this(policy, console, TrustList.NONE);
  }

  public ApprovalGate(ApprovalPolicy policy, UserConsole console, TrustList trust) {
    this.policy = policy;
    this.console = console;
    this.trust = trust;
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

  /** What runs without asking and why, for the chat's {@code /approve}. */
  public synchronized List<String> describeTrust() {
    var lines = new ArrayList<>(trust.describe());
    alwaysAllowed.forEach(
        (t, sql) ->
            lines.add(
                t
                    + " runs without asking"
                    + (sql ? "" : " unless its SQL writes")
                    + " (answered 'always' in this chat)"));
    lines.add("tools their server declares read-only run without asking");
    lines.add("a call whose SQL argument is not a plain read is always treated as a write");
    return lines;
  }

  public Decision decide(HostTool tool, Map<String, Object> arguments) {
    return decide(tool, arguments, null);
  }

  /** Decides a call; {@code change} is the reviewed change of a write (null when none was made). */
  public synchronized Decision decide(
      HostTool tool, Map<String, Object> arguments, ChangeReview change) {
    Optional<String> sqlWrite = SqlArguments.whyWrite(arguments, tool.readOnly());
    boolean mayTrust = sqlWrite.isEmpty() && !trust.distrusted(tool);
    if (mayTrust && tool.readOnly()) {
      return Decision.READ_ONLY;
    }
    if (change != null && change.flagged()) {
      return escalate(tool, change);
    }
    if (mayTrust && trust.trustedBecause(tool).isPresent()) {
      return Decision.TRUSTED_BY_USER;
    }
    switch (policy) {
      case NEVER:
        return Decision.REFUSED_BY_POLICY;
      case ALWAYS:
        return Decision.APPROVED_BY_POLICY;
      default:
        break;
    }
    Boolean always = alwaysAllowed.get(tool.name());
    if (always != null && (always || sqlWrite.isEmpty())) {
      return Decision.APPROVED_ALWAYS_FOR_TOOL;
    }
    if (!console.interactive()) {
      return Decision.REFUSED_NON_INTERACTIVE;
    }
    return ask(tool, arguments, sqlWrite, change);
  }

  private Decision ask(
      HostTool tool,
      Map<String, Object> arguments,
      Optional<String> sqlWrite,
      ChangeReview change) {
    String kind =
        sqlWrite.orElse(tool.destructive() ? "it may delete or overwrite data" : "it changes data");
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
      alwaysAllowed.merge(tool.name(), sqlWrite.isPresent(), Boolean::logicalOr);
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

package io.devhost.server.mcp;

import io.devhost.core.ToolSpec;
import io.devhost.server.auth.Caller;
import io.devhost.server.policy.Confirmer;
import java.util.Map;

/**
 * Where a tool call came from, as the {@link ToolCallPipeline} needs to know it: what the audit
 * record names and whom a destructive call can be confirmed with. An MCP session over any transport
 * is one origin ({@link McpCallOrigin}); {@code devhost call} is another ({@link #commandLine()}),
 * so both take the same policy, time limit, rate limit and audit. Each is also the {@link
 * Confirmer} its destructive calls are confirmed with.
 */
public interface CallOrigin extends Confirmer {

  /** The transport as the audit log and metrics name it: stdio, streamable-http, cli. */
  String transport();

  /** The session the rate limit counts calls in; the transport where there is no session. */
  String session();

  /** The client's name, or null when it gave none. */
  String clientName();

  /** The client's version, or null when it gave none. */
  String clientVersion();

  /** The authenticated caller, or null where the transport authenticates nobody. */
  Caller caller();

  /**
   * {@code devhost call}: the person typed the tool's name and its arguments, so under {@code
   * --confirm auto} the command itself is the approval; under {@code --confirm ask} nobody can be
   * asked and the call is refused.
   */
  static CallOrigin commandLine() {
    return CommandLineOrigin.INSTANCE;
  }

  /** The one origin of {@code devhost call}: no session, no client, the local user. */
  enum CommandLineOrigin implements CallOrigin {
    INSTANCE;

    @Override
    public String transport() {
      return "cli";
    }

    @Override
    public String session() {
      return transport();
    }

    @Override
    public String clientName() {
      return "devhost call";
    }

    @Override
    public String clientVersion() {
      return null;
    }

    @Override
    public Caller caller() {
      return null;
    }

    @Override
    public boolean canConfirm() {
      return false;
    }

    @Override
    public Answer confirm(ToolSpec<?, ?> tool, Map<String, Object> arguments) {
      return Answer.CANNOT_ASK;
    }

    @Override
    public String withoutConfirmation() {
      return "devhost call cannot ask anybody under --confirm ask. Run it again with --confirm"
          + " never (or auto): typing the command is then the confirmation.";
    }
  }
}

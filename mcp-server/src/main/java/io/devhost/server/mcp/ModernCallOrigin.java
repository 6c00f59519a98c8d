package io.devhost.server.mcp;

import io.devhost.core.ToolSpec;
import io.devhost.server.auth.Caller;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import java.util.Map;

/**
 * A 2026-07-28 request as a {@link CallOrigin}. It has no session: the rate limit counts per
 * caller. Its confirmation is the answer the request brought back, if any; else, when the client
 * can show a form, the question goes to the client ({@link Answer#ASKED}).
 *
 * @param answer the verified answer the request carries, or null on a first request
 */
record ModernCallOrigin(String transport, McpRequestContext ctx, Answer answer)
    implements CallOrigin {

  static String sessionOf(String transport, Caller caller) {
    return transport + ":" + (caller == null ? Caller.LOCAL_NAME : caller.subject());
  }

  @Override
  public String session() {
    return sessionOf(transport, caller());
  }

  @Override
  public String clientName() {
    return ctx.clientInfo() == null ? null : ctx.clientInfo().name();
  }

  @Override
  public String clientVersion() {
    return ctx.clientInfo() == null ? null : ctx.clientInfo().version();
  }

  @Override
  public Caller caller() {
    return Caller.of(ctx.transportContext());
  }

  @Override
  public boolean canConfirm() {
    return answer != null || ctx.clientCapabilities().supportsElicitationForm();
  }

  @Override
  public Answer confirm(ToolSpec<?, ?> tool, Map<String, Object> arguments) {
    if (answer != null) {
      return answer;
    }
    return canConfirm() ? Answer.ASKED : Answer.CANNOT_ASK;
  }

  @Override
  public String withoutConfirmation() {
    return "this client cannot ask (its requests declare no form elicitation). Use a client"
        + " that does, or ask the operator to start DevHost with --confirm auto, which leaves the"
        + " asking to the client's own approval prompt.";
  }
}

package io.devhost.server.modern;

import io.devhost.core.ToolSpec;
import io.devhost.server.auth.Caller;
import io.devhost.server.mcp.CallOrigin;
import io.devhost.server.policy.Confirmer.Answer;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import java.util.Map;

/**
 * A 2026-07-28 request as a {@link CallOrigin}. There is no session: the client's name and version
 * come from the request's own {@code _meta}, and the rate limit counts the calls of the
 * authenticated caller (or of the whole transport when nobody authenticates), so a client cannot
 * escape it by sending each call on its own.
 */
record ModernCallOrigin(String transport, McpRequestContext request) implements CallOrigin {

  @Override
  public String session() {
    Caller caller = caller();
    return caller == null ? transport : transport + ":" + caller.subject();
  }

  @Override
  public String clientName() {
    var client = request.clientInfo();
    return client == null ? null : client.name();
  }

  @Override
  public String clientVersion() {
    var client = request.clientInfo();
    return client == null ? null : client.version();
  }

  @Override
  public Caller caller() {
    return Caller.of(request.transportContext());
  }

  /**
   * A stateless request cannot be paused to ask the user; confirmation comes back as a
   * multi-round-trip request ({@code InputRequiredResult}), which is not offered yet.
   */
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
    return "DevHost cannot yet ask for confirmation over protocol 2026-07-28. Connect with a"
        + " 2025-11-25 session from a client that supports elicitation, or ask the operator to"
        + " start DevHost with --confirm auto, which leaves the asking to the client's own"
        + " approval prompt.";
  }
}

package io.devhost.server.modern;

import io.devhost.core.ToolSpec;
import io.devhost.server.auth.Caller;
import io.devhost.server.mcp.CallOrigin;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import java.util.Map;

/**
 * A 2026-07-28 request as a {@link CallOrigin}. There is no session: the client's name and version
 * come from the request's own {@code _meta}, and the rate limit counts the calls of the
 * authenticated caller (or of the whole transport when nobody authenticates), so a client cannot
 * escape it by sending each call on its own. Its confirmation is the answer the request brought
 * back, if any; else, when the client can show a form, the question goes to the client ({@link
 * Answer#ASKED}) in an {@code InputRequiredResult}.
 *
 * @param answer the verified answer the request carries, or null on a first request
 */
record ModernCallOrigin(String transport, McpRequestContext request, Answer answer)
    implements CallOrigin {

  /** The rate limit's bucket, and the audit log's session, of a caller's requests. */
  static String sessionOf(String transport, Caller caller) {
    return caller == null ? transport : transport + ":" + caller.subject();
  }

  @Override
  public String session() {
    return sessionOf(transport, caller());
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

  @Override
  public boolean canConfirm() {
    return answer != null || request.clientCapabilities().supportsElicitationForm();
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

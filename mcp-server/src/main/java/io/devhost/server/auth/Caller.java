package io.devhost.server.auth;

import io.modelcontextprotocol.common.McpTransportContext;

/**
 * Who made a request, as the HTTP access check established it once per request, and what that
 * caller may do. It travels to the tool-call pipeline in the SDK's transport context (see {@link
 * #of(McpTransportContext)}), so the pipeline and the audit log never look at HTTP themselves.
 *
 * @param subject the token's {@code sub}, or {@link #STATIC_TOKEN_NAME} for the static token
 * @param clientId the OAuth client the token was issued to ({@code azp} or {@code client_id}), or
 *     null when the token names none
 * @param mayWrite whether the caller may see and call tools that write
 */
public record Caller(String subject, String clientId, boolean mayWrite) {

  /** The transport-context key under which the caller travels. */
  public static final String CONTEXT_KEY = "io.devhost/caller";

  /** How the audit log names calls made with the single-user static token. */
  public static final String STATIC_TOKEN_NAME = "static-token";

  /** How the audit log names calls on a transport without authentication (stdio, loopback). */
  public static final String LOCAL_NAME = "local";

  /** The holder of the static token: one trusted user, allowed everything. */
  public static final Caller STATIC_TOKEN = new Caller(STATIC_TOKEN_NAME, null, true);

  /** The caller of a request, or null when the transport authenticates nobody. */
  public static Caller of(McpTransportContext context) {
    return context != null && context.get(CONTEXT_KEY) instanceof Caller caller ? caller : null;
  }
}

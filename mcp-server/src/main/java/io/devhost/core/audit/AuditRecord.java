package io.devhost.core.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One tool call as the audit log keeps it. Arguments are already redacted (see {@link
 * ArgumentRedactor}); nothing in a record may carry a secret.
 *
 * @param session the MCP session id, or a label such as {@code stdio} when the transport has none
 * @param decision what the policy decided: {@code allowed}, {@code confirmed}, {@code declined},
 *     {@code denied}, {@code rate_limited}
 * @param tool the tool called, or null for a request refused before any tool was named
 * @param errorKind the {@code ToolException.Kind} name of a failed call, null on success
 * @param caller who made the call: the access token's subject, {@code static-token} for the
 *     single-user token, {@code local} where the transport authenticates nobody (stdio, loopback),
 *     or null for a request refused before anyone was identified
 * @param callerClient the OAuth client the caller's token was issued to, or null
 * @param change what a proposed write would change and what a change monitor found in it (its diff
 *     digest: target, diff with secrets masked, SHA-256 of the diff, findings with category, rule,
 *     file and line); null for calls that change nothing or were not reviewed
 */
public record AuditRecord(
    Instant time,
    String transport,
    String session,
    String client,
    String clientVersion,
    String tool,
    Map<String, Object> arguments,
    String decision,
    long durationMs,
    long resultBytes,
    String errorKind,
    String caller,
    String callerClient,
    Map<String, Object> change) {}

package io.devhost.server.mcp;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolSpec;
import io.devhost.core.audit.ArgumentRedactor;
import io.devhost.core.audit.AuditListener;
import io.devhost.core.audit.AuditRecord;
import io.devhost.server.auth.Caller;
import io.devhost.server.policy.ConfirmationRoundTrip;
import io.devhost.server.policy.StateRefusal;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tool calls of 2026-07-28 requests, through the same {@link ToolCallPipeline} as every other call.
 * What differs is confirmation: the request cannot wait for the user, so a destructive call is
 * answered with the confirmation form as an {@code InputRequiredResult}, and runs when the client
 * retries with the answer and the signed state. A retry whose state or answer does not hold up gets
 * the spec's {@code -32602} and an audit record that says why; nothing runs.
 */
public final class ModernToolCalls {

  /** The one error every refused state gets; the audit log has the reason. */
  public static final String INVALID_STATE = "Invalid or expired requestState";

  private final ToolCallPipeline pipeline;
  private final ConfirmationRoundTrip confirmations;
  private final AuditListener audit;
  private final String transport;
  private final McpJsonMapper json = McpJsonDefaults.getMapper();

  /**
   * @param transport how the audit log names the transport these requests came over
   */
  public ModernToolCalls(
      ToolCallPipeline pipeline,
      ConfirmationRoundTrip confirmations,
      AuditListener audit,
      String transport) {
    this.pipeline = pipeline;
    this.confirmations = confirmations;
    this.audit = audit;
    this.transport = transport;
  }

  /**
   * Runs {@code tool} for one request, or asks first.
   *
   * @throws McpException {@code -32602} when the request's state or answer is refused
   */
  public McpSchema.CallToolOutcome call(
      ToolSpec<?, ?> tool, McpRequestContext ctx, McpSchema.CallToolRequest request) {
    Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
    var retry = confirmations.check(arguments, request.requestState(), request.inputResponses());
    if (retry.refusal() != null) {
      refused(ctx, arguments, retry.refusal());
      throw McpException.invalidParams(INVALID_STATE);
    }
    var origin = new ModernCallOrigin(transport, ctx, retry.answer());
    var cancelled = new AtomicBoolean();
    Optional<io.modelcontextprotocol.spec.McpSchema.CallToolResult> result =
        pipeline.callOrAsk(tool, origin, arguments, new RequestToolContext(cancelled), cancelled);
    if (result.isEmpty()) {
      return confirmations.question(tool, arguments);
    }
    return json.convertValue(result.get(), McpSchema.CallToolResult.class);
  }

  /**
   * Writes the audit record of a refused state: nothing ran, someone tried.
   *
   * @param arguments the call's arguments, or empty where the refusal came before they were read
   */
  public void refused(McpRequestContext ctx, Map<String, Object> arguments, StateRefusal why) {
    Caller caller = Caller.of(ctx.transportContext());
    var client = ctx.clientInfo();
    audit.record(
        new AuditRecord(
            Instant.now(),
            transport,
            ModernCallOrigin.sessionOf(transport, caller),
            client == null ? null : client.name(),
            client == null ? null : client.version(),
            ctx.primitiveName(),
            ArgumentRedactor.redact(arguments),
            why.decision(),
            0,
            0,
            "DENIED",
            caller == null ? Caller.LOCAL_NAME : caller.subject(),
            caller == null ? null : caller.clientId(),
            null));
  }

  /** A request has no session to report progress on or to ask for roots in; it can be cancelled. */
  private record RequestToolContext(AtomicBoolean cancelled) implements ToolContext {
    @Override
    public void progress(double done, Double total, String message) {}

    @Override
    public boolean isCancelled() {
      return cancelled.get();
    }

    @Override
    public Optional<List<URI>> clientRoots() {
      return Optional.empty();
    }
  }
}

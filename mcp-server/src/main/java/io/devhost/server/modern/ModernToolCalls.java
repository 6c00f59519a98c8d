package io.devhost.server.modern;

import io.devhost.core.ToolSpec;
import io.devhost.core.audit.ArgumentRedactor;
import io.devhost.core.audit.AuditListener;
import io.devhost.core.audit.AuditRecord;
import io.devhost.server.auth.Caller;
import io.devhost.server.mcp.ToolCallPipeline;
import io.devhost.server.policy.InputRoundTrip;
import io.devhost.server.policy.StateRefusal;
import io.modelcontextprotocol.modern.McpException;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpSyncNotifier;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

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
  private final InputRoundTrip roundTrip;
  private final Predicate<ToolSpec<?, ?>> usesClientRoots;
  private final AuditListener audit;
  private final String transport;

  /**
   * @param usesClientRoots whether a tool works within the client's roots (the file and git tools)
   * @param transport how the audit log names the transport these requests came over
   */
  public ModernToolCalls(
      ToolCallPipeline pipeline,
      InputRoundTrip roundTrip,
      Predicate<ToolSpec<?, ?>> usesClientRoots,
      AuditListener audit,
      String transport) {
    this.pipeline = pipeline;
    this.roundTrip = roundTrip;
    this.usesClientRoots = usesClientRoots;
    this.audit = audit;
    this.transport = transport;
  }

  /**
   * Runs {@code tool} for one request, or asks first.
   *
   * @param notifier the request's response stream for progress, or null when none was asked for
   * @throws McpException {@code -32602} when the request's state or answer is refused
   */
  public McpSchema.CallToolOutcome call(
      ToolSpec<?, ?> tool,
      McpRequestContext ctx,
      McpSchema.CallToolRequest request,
      McpSyncNotifier notifier) {
    Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
    var retry = roundTrip.check(arguments, request.requestState(), request.inputResponses());
    if (retry.refusal() != null) {
      refused(ctx, arguments, retry.refusal());
      throw McpException.invalidParams(INVALID_STATE);
    }
    List<URI> roots = retry.roots();
    if (roots == null && ctx.clientCapabilities().supportsRoots() && usesClientRoots.test(tool)) {
      return roundTrip.rootsQuestion(arguments);
    }
    var origin = new ModernCallOrigin(transport, ctx, retry.answer());
    var cancelled = new AtomicBoolean();
    var toolContext = new ModernToolContext(notifier, cancelled, roots);
    Optional<io.modelcontextprotocol.spec.McpSchema.CallToolResult> result =
        pipeline.callOrAsk(tool, origin, arguments, toolContext, cancelled);
    if (result.isEmpty()) {
      return roundTrip.confirmQuestion(tool, arguments, roots);
    }
    return ModernSchema.toModern(result.get(), McpSchema.CallToolResult.class);
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
}

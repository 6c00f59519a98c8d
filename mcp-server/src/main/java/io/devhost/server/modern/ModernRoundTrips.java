package io.devhost.server.modern;

import io.devhost.core.ToolSpec;
import io.devhost.core.audit.AuditListener;
import io.devhost.server.mcp.ToolCallPipeline;
import io.devhost.server.policy.InputRoundTrip;
import io.devhost.server.policy.SignedRequestState;
import io.devhost.server.policy.SpentStates;
import io.devhost.server.policy.StateKey;
import io.modelcontextprotocol.modern.server.RequestStateCodec;
import java.time.Clock;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a 2026-07-28 server needs for calls that ask their client something: the {@code
 * requestState} codec to give the SDK's server ({@code McpServer.Builder.requestStateCodec}), and
 * the tool-call handler that asks and resumes. Both audit refused states in the same log.
 */
public final class ModernRoundTrips {

  private final SignedRequestState codec;
  private final ModernToolCalls calls;

  private ModernRoundTrips(SignedRequestState codec, ModernToolCalls calls) {
    this.codec = codec;
    this.calls = calls;
  }

  /**
   * @param usesClientRoots whether a tool works within the client's roots (the file and git tools)
   * @param transport how the audit log names the transport
   */
  public static ModernRoundTrips create(
      ToolCallPipeline pipeline,
      StateKey key,
      AuditListener audit,
      Predicate<ToolSpec<?, ?>> usesClientRoots,
      String transport,
      Clock clock) {
    var spent = new SpentStates(SignedRequestState.DEFAULT_TTL, clock);
    var calls =
        new ModernToolCalls(pipeline, new InputRoundTrip(spent), usesClientRoots, audit, transport);
    var codec =
        new SignedRequestState(
            key,
            SignedRequestState.DEFAULT_TTL,
            clock,
            (ctx, why) -> calls.refused(ctx, Map.of(), why));
    return new ModernRoundTrips(codec, calls);
  }

  public RequestStateCodec codec() {
    return codec;
  }

  public ModernToolCalls calls() {
    return calls;
  }
}

package io.devhost.server.mcp;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import io.devhost.core.ToolRunner;
import io.devhost.core.ToolSpec;
import io.devhost.core.audit.ArgumentRedactor;
import io.devhost.core.audit.AuditListener;
import io.devhost.core.audit.AuditRecord;
import io.devhost.server.auth.Caller;
import io.devhost.server.metrics.ToolMetrics;
import io.devhost.server.policy.ConfirmMode;
import io.devhost.server.policy.Confirmer;
import io.devhost.server.policy.SessionRateLimiter;
import io.devhost.server.policy.ToolTimeouts;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one path every tool call takes, whatever the transport ({@link CallOrigin}: an MCP session or
 * {@code devhost call}): the caller's permission, rate limit, confirmation of destructive calls,
 * the call itself under its time limit, then metrics and one audit record naming the {@link
 * Caller}. Visibility (read-only mode, allow and deny lists) is settled earlier, in the {@link
 * ToolCatalog}: a tool that is not visible never reaches this class.
 */
public final class ToolCallPipeline implements AutoCloseable {

  /** Settings of the pipeline, fixed at start-up. */
  public record Settings(ConfirmMode confirm, ToolTimeouts timeouts, int rateLimitPerMinute) {}

  private final ToolRunner runner;
  private final Settings settings;
  private final SessionRateLimiter rateLimiter;
  private final AuditListener audit;
  private final ToolMetrics metrics;
  private final ExecutorService workers;

  public ToolCallPipeline(
      ToolRunner runner, Settings settings, AuditListener audit, ToolMetrics metrics) {
    this.runner = runner;
    this.settings = settings;
    this.rateLimiter = new SessionRateLimiter(settings.rateLimitPerMinute());
    this.audit = audit;
    this.metrics = metrics;
    var count = new AtomicInteger();
    this.workers =
        Executors.newCachedThreadPool(
            r -> {
              var t = new Thread(r, "devhost-tool-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  public ToolMetrics metrics() {
    return metrics;
  }

  /** The audit log every call is recorded in; refusals made outside the pipeline go there too. */
  public AuditListener audit() {
    return audit;
  }

  /**
   * Runs one call from an origin that answers confirmations itself (a legacy session, {@code
   * devhost call}); never throws, every outcome is a result the client can read.
   */
  public McpSchema.CallToolResult call(
      ToolSpec<?, ?> tool,
      CallOrigin origin,
      Map<String, Object> arguments,
      ToolContext ctx,
      AtomicBoolean cancelled) {
    return callOrAsk(tool, origin, arguments, ctx, cancelled)
        .orElseThrow(() -> new IllegalStateException(origin.transport() + " cannot ask first"));
  }

  /**
   * Runs one call, or stops before it when the origin put its confirmation to the client as a
   * question ({@link Confirmer.Answer#ASKED}, a 2026-07-28 request): then nothing ran and nothing
   * is audited or counted, since the client's retry with the answer is the call.
   */
  public Optional<McpSchema.CallToolResult> callOrAsk(
      ToolSpec<?, ?> tool,
      CallOrigin origin,
      Map<String, Object> arguments,
      ToolContext ctx,
      AtomicBoolean cancelled) {
    long start = System.nanoTime();
    Caller caller = origin.caller();
    Decided decided = decide(tool, caller, origin, arguments);
    if (decided == ASKED) {
      return Optional.empty();
    }
    ToolRunner.Outcome outcome =
        decided.refusal() != null ? decided.refusal() : runTimed(tool, arguments, ctx, cancelled);
    long nanos = System.nanoTime() - start;
    String errorKind = outcome.errorKind() == null ? null : outcome.errorKind().name();
    metrics.recordCall(tool.name(), origin.transport(), decided.decision(), errorKind, nanos);
    audit.record(
        new AuditRecord(
            Instant.now(),
            origin.transport(),
            origin.session(),
            origin.clientName(),
            origin.clientVersion(),
            tool.name(),
            ArgumentRedactor.redact(arguments),
            decided.decision(),
            TimeUnit.NANOSECONDS.toMillis(nanos),
            outcome.bytes(),
            errorKind,
            caller == null ? Caller.LOCAL_NAME : caller.subject(),
            caller == null ? null : caller.clientId(),
            null));
    return Optional.of(outcome.result());
  }

  /** The policy decision, and the result to return instead of running when it is a refusal. */
  private record Decided(String decision, ToolRunner.Outcome refusal) {}

  /** The question went to the client; the call waits for its retry. */
  private static final Decided ASKED = new Decided("asked", null);

  /**
   * A dry run changes nothing (edit_file's contract), so it needs no confirmation: a host that
   * previews a change before asking its user (the bridge's change monitor) must not make the user
   * confirm the preview too.
   */
  private static boolean dryRun(ToolSpec<?, ?> tool, Map<String, Object> arguments) {
    var fields = tool.inputType().getRecordComponents();
    return Boolean.TRUE.equals(arguments.get("dryRun"))
        && fields != null
        && java.util.Arrays.stream(fields).anyMatch(f -> f.getName().equals("dryRun"));
  }

  private Decided decide(
      ToolSpec<?, ?> tool, Caller caller, CallOrigin origin, Map<String, Object> arguments) {
    if (caller != null && !caller.mayWrite() && !tool.readOnly()) {
      // tools/list hid this tool from the caller; a client that calls it anyway lands here.
      return new Decided(
          "forbidden",
          refusal(
              ToolException.Kind.DENIED,
              tool.name()
                  + " writes, and the caller's access token does not grant writing. Ask the"
                  + " operator for the write scope, or use a read-only tool."));
    }
    if (!rateLimiter.tryAcquire(origin.session())) {
      return new Decided(
          "rate_limited",
          refusal(
              ToolException.Kind.UNAVAILABLE,
              "Rate limit: this session made more than "
                  + rateLimiter.perMinute()
                  + " tool calls in the last minute. Wait a few seconds, then retry"
                  + " fewer calls at a time."));
    }
    if (!tool.destructive() || settings.confirm() == ConfirmMode.never || dryRun(tool, arguments)) {
      return new Decided("allowed", null);
    }
    if (settings.confirm() == ConfirmMode.auto && !origin.canConfirm()) {
      // The client cannot elicit; its own approval prompt, shown from destructiveHint, asks.
      // On the command line, the person who typed the tool's name has approved it.
      return new Decided("client_approval", null);
    }
    return switch (origin.confirm(tool, arguments)) {
      case CONFIRMED -> new Decided("confirmed", null);
      case ASKED -> ASKED;
      case DECLINED ->
          new Decided(
              "declined",
              refusal(
                  ToolException.Kind.DENIED,
                  "The user declined to run "
                      + tool.name()
                      + ". Do not retry it; ask the user what to do instead."));
      case CANNOT_ASK ->
          new Decided(
              "denied",
              refusal(
                  ToolException.Kind.DENIED,
                  tool.name()
                      + " may overwrite or delete data and needs the user's confirmation, but "
                      + origin.withoutConfirmation()));
    };
  }

  private ToolRunner.Outcome runTimed(
      ToolSpec<?, ?> tool,
      Map<String, Object> arguments,
      ToolContext ctx,
      AtomicBoolean cancelled) {
    Duration limit = settings.timeouts().limitOf(tool.name());
    Future<ToolRunner.Outcome> future;
    try {
      future = workers.submit(() -> runner.run(tool, arguments, ctx));
    } catch (RejectedExecutionException e) {
      return refusal(
          ToolException.Kind.UNAVAILABLE,
          "DevHost is shutting down and takes no new calls. Retry when it is back.");
    }
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      cancelled.set(true);
      future.cancel(true);
      return refusal(
          ToolException.Kind.TIMEOUT,
          tool.name()
              + " did not finish within "
              + limit.toSeconds()
              + " s and was stopped. Ask for less (a narrower path, a smaller limit) or retry"
              + " later.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancelled.set(true);
      future.cancel(true);
      return refusal(ToolException.Kind.CANCELLED, "The call was interrupted.");
    } catch (ExecutionException e) {
      // ToolRunner.run catches everything a handler throws; this is a bug in the runner itself.
      throw new IllegalStateException("tool runner failed", e.getCause());
    }
  }

  private static ToolRunner.Outcome refusal(ToolException.Kind kind, String message) {
    var result = McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
    return new ToolRunner.Outcome(result, kind, message.length());
  }

  /** Lets running calls finish for up to {@code grace}, then interrupts the rest. */
  public void close(Duration grace) {
    workers.shutdown();
    try {
      if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ZERO);
  }
}

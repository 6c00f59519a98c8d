package io.devhost.server.metrics;

/**
 * Where the call pipeline counts calls. Only HTTP serves the figures ({@code /metrics}), so stdio
 * and {@code devhost call} count into {@link #NONE} and never load the Prometheus classes.
 */
public interface CallMetrics {

  CallMetrics NONE = (tool, transport, decision, errorKind, nanos) -> {};

  /**
   * @param errorKind the kind of error the call ended with, or null when it succeeded
   * @param nanos time from the call reaching the policy layer to its result
   */
  void recordCall(String tool, String transport, String decision, String errorKind, long nanos);
}

package io.devhost.server.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Per-tool call counts, errors and latency, and the number of open HTTP sessions, in a registry of
 * its own (not the global default), so two servers in one JVM never mix their numbers.
 */
public final class ToolMetrics implements CallMetrics {

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter calls;
  private final Counter errors;
  private final Histogram latency;
  private final Gauge sessions;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  public ToolMetrics() {
    calls =
        Counter.builder()
            .name("devhost_tool_calls_total")
            .help("Tool calls by tool, transport and policy decision.")
            .labelNames("tool", "transport", "decision")
            .register(registry);
    errors =
        Counter.builder()
            .name("devhost_tool_errors_total")
            .help("Tool calls that returned an error, by tool and error kind.")
            .labelNames("tool", "kind")
            .register(registry);
    latency =
        Histogram.builder()
            .name("devhost_tool_call_duration_seconds")
            .help("Time from the call reaching the policy layer to its result, by tool.")
            .labelNames("tool")
            .classicOnly()
            .classicUpperBounds(
                0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
                60)
            .register(registry);
    sessions =
        Gauge.builder()
            .name("devhost_http_sessions")
            .help("Open MCP sessions over HTTP, by transport.")
            .labelNames("transport")
            .register(registry);
  }

  @Override
  public void recordCall(
      String tool, String transport, String decision, String errorKind, long nanos) {
    calls.labelValues(tool, transport, decision).inc();
    if (errorKind != null) {
      errors.labelValues(tool, errorKind).inc();
    }
    latency.labelValues(tool).observe(nanos / 1e9);
  }

  public void sessionsOpen(String transport, int count) {
    sessions.labelValues(transport).set(count);
  }

  public String contentType() {
    return writer.getContentType();
  }

  public void writeTo(OutputStream out) throws IOException {
    writer.write(out, registry.scrape());
  }
}

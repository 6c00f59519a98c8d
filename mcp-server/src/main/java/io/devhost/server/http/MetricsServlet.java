package io.devhost.server.http;

import io.devhost.server.metrics.ToolMetrics;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /metrics}: the tool metrics in Prometheus text format. */
final class MetricsServlet extends HttpServlet {

  private final transient ToolMetrics metrics;

  MetricsServlet(ToolMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.setStatus(200);
    res.setContentType(metrics.contentType());
    res.setHeader("Cache-Control", "no-store");
    metrics.writeTo(res.getOutputStream());
  }
}

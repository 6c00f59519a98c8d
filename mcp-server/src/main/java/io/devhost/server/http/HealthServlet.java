package io.devhost.server.http;

import io.devhost.core.Json;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /healthz}: 200 when the server answers and every readiness check passes, else 503 with
 * the problems. Answering at all is the liveness signal.
 */
final class HealthServlet extends HttpServlet {

  private final transient List<ReadinessCheck> checks;

  HealthServlet(List<ReadinessCheck> checks) {
    this.checks = List.copyOf(checks);
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    List<String> problems =
        checks.stream().map(ReadinessCheck::problem).flatMap(Optional::stream).toList();
    res.setStatus(problems.isEmpty() ? 200 : 503);
    res.setContentType("application/json");
    res.setHeader("Cache-Control", "no-store");
    var body =
        problems.isEmpty()
            ? Map.of("status", "ok")
            : Map.of("status", "not ready", "problems", problems);
    res.getOutputStream().write(Json.MAPPER.writeValueAsBytes(body));
  }
}

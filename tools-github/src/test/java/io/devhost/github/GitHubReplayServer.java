package io.devhost.github;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server that answers like api.github.com: each route replays queued responses with
 * GitHub's real body shapes and headers (rate limits, ETags, Link), and every request is recorded
 * so tests can assert what DevHost sent.
 */
final class GitHubReplayServer implements AutoCloseable {

  record Reply(int status, Map<String, String> headers, String body) {}

  record Seen(
      String method, String path, String query, Map<String, List<String>> headers, String body) {
    String header(String name) {
      var values =
          headers.get(name.substring(0, 1).toUpperCase() + name.substring(1).toLowerCase());
      return values == null ? null : values.get(0);
    }
  }

  private final HttpServer server;
  private final Map<String, Deque<Reply>> routes = new ConcurrentHashMap<>();
  final List<Seen> requests = new CopyOnWriteArrayList<>();

  GitHubReplayServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Queues a reply for {@code METHOD /path}; the last reply of a route repeats. */
  GitHubReplayServer on(String route, int status, String body, String... headerPairs) {
    var headers = new java.util.LinkedHashMap<String, String>();
    headers.put("Content-Type", "application/json; charset=utf-8");
    headers.put("X-RateLimit-Limit", "5000");
    headers.put("X-RateLimit-Remaining", "4999");
    headers.put("X-RateLimit-Reset", "1767225600");
    headers.put("X-RateLimit-Resource", "core");
    for (int i = 0; i < headerPairs.length; i += 2) {
      headers.put(headerPairs[i], headerPairs[i + 1]);
    }
    routes.computeIfAbsent(route, r -> new ArrayDeque<>()).add(new Reply(status, headers, body));
    return this;
  }

  /**
   * A body from src/test/resources/github/, with {@code {{base}}} replaced by this server's URL.
   */
  String fixture(String name) {
    try (InputStream in = getClass().getResourceAsStream("/github/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("{{base}}", url().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Seen> requestsTo(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    URI uri = ex.getRequestURI();
    requests.add(
        new Seen(
            ex.getRequestMethod(),
            uri.getPath(),
            uri.getRawQuery(),
            Map.copyOf(ex.getRequestHeaders()),
            body));
    Deque<Reply> queue = routes.get(ex.getRequestMethod() + " " + uri.getPath());
    Reply reply;
    if (queue == null || queue.isEmpty()) {
      reply =
          new Reply(
              404,
              Map.of("Content-Type", "application/json"),
              "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}");
    } else {
      reply = queue.size() > 1 ? queue.poll() : queue.peek();
    }
    reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    byte[] bytes =
        reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    try (var out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package io.devhost.bridge.model;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/** POSTs JSON to a model server and streams the reply line by line (NDJSON or SSE). */
final class ModelHttp {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A non-2xx answer, with the body the server sent (its error message). */
  static final class Failure extends RuntimeException {
    final int status;
    final String body;

    Failure(int status, String body) {
      super("HTTP " + status + ": " + body);
      this.status = status;
      this.body = body;
    }

    boolean mentions(String... words) {
      String lower = body.toLowerCase(java.util.Locale.ROOT);
      for (String w : words) {
        if (lower.contains(w)) {
          return true;
        }
      }
      return false;
    }
  }

  private final HttpClient client;
  private final String serverName;
  private final Duration timeout;

  ModelHttp(String serverName, Duration timeout) {
    this.serverName = serverName;
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** Sends the body; returns the response lines, to be closed by the caller (closing cancels). */
  Stream<String> postLines(URI uri, Map<String, String> headers, Object body) {
    var request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    headers.forEach(request::header);
    HttpResponse<Stream<String>> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    } catch (ConnectException e) {
      throw new ModelException(
          "cannot reach " + serverName + " at " + uri + ": is it running and is the URL right?", e);
    } catch (HttpTimeoutException e) {
      throw new ModelException(serverName + " did not answer within " + timeout, e);
    } catch (IOException e) {
      throw new ModelException(serverName + " at " + uri + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException("interrupted while waiting for " + serverName, e);
    }
    if (response.statusCode() / 100 != 2) {
      String text;
      try (Stream<String> lines = response.body()) {
        text = lines.collect(Collectors.joining("\n"));
      }
      throw new Failure(response.statusCode(), errorMessage(text));
    }
    return response.body();
  }

  /**
   * The {@code error} text of a JSON error body ({@code {"error": "..."}} or {@code {"error":
   * {"message": "..."}}}), else the body itself.
   */
  private static String errorMessage(String body) {
    try {
      var node = JSON.readTree(body);
      var error = node.path("error");
      if (error.isString()) {
        return error.asString();
      }
      if (error.path("message").isString()) {
        return error.path("message").asString();
      }
    } catch (RuntimeException notJson) {
      // plain-text error page: report it as it is
    }
    return body.length() > 500 ? body.substring(0, 500) + "…" : body;
  }
}

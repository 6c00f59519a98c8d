package io.devhost.github;

import io.devhost.core.Json;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The GitHub REST API over the JDK {@link HttpClient}: authentication, conditional requests,
 * retries (through {@link RateLimiter}), error messages a model can act on, and the quota reported
 * into each result's {@code _meta}.
 *
 * <p>The token goes only to the configured API origin: pagination links and redirects that point
 * elsewhere are followed without it (job logs live in blob storage) or refused. It is never logged
 * and never part of an error.
 */
public final class GitHubClient {

  private static final Logger LOG = LoggerFactory.getLogger(GitHubClient.class);
  static final String JSON = "application/vnd.github+json";
  static final String API_VERSION = "2022-11-28";
  static final String META_KEY = "io.devhost/github-rate-limit";

  /** A response: status, body and the page links it carried. */
  record Response(int status, String body, Map<String, URI> links, RateLimit rateLimit) {
    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (JacksonException e) {
        throw new ToolException(
            ToolException.Kind.UNAVAILABLE, "GitHub sent a response that is not JSON.", e);
      }
    }

    Integer nextPage() {
      return LinkHeader.page(links.get("next"));
    }
  }

  private final URI apiUrl;
  private final String token;
  private final String userAgent;
  private final HttpClient http;
  private final RateLimiter limiter;
  private final EtagCache cache = new EtagCache();
  private final Duration requestTimeout;

  public GitHubClient(URI apiUrl, String token, String userAgent, Duration retryBudget) {
    this(
        apiUrl,
        token,
        userAgent,
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build(),
        new RateLimiter(retryBudget, RateLimiter.Sleeper.real(), java.time.Clock.systemUTC()),
        Duration.ofSeconds(30));
  }

  GitHubClient(
      URI apiUrl,
      String token,
      String userAgent,
      HttpClient http,
      RateLimiter limiter,
      Duration requestTimeout) {
    String base = apiUrl.toString();
    this.apiUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.token = token == null || token.isBlank() ? null : token.strip();
    this.userAgent = userAgent;
    this.http = http;
    this.limiter = limiter;
    this.requestTimeout = requestTimeout;
  }

  boolean hasToken() {
    return token != null;
  }

  /** GET of a JSON resource, answered from the cache when GitHub says it has not changed. */
  Response get(ToolContext ctx, String path, Map<String, ?> query) {
    return send(ctx, "GET", uri(path, query), JSON, null);
  }

  /** GET following a pagination link GitHub gave (same origin only). */
  Response get(ToolContext ctx, URI link) {
    requireApiOrigin(link);
    return send(ctx, "GET", link, JSON, null);
  }

  /** The items of a list, following {@code Link: rel="next"} until {@code maxItems}. */
  record Collected(java.util.List<JsonNode> items, boolean truncated) {}

  Collected getAll(ToolContext ctx, String path, Map<String, ?> query, int maxItems) {
    var items = new java.util.ArrayList<JsonNode>();
    var r = get(ctx, path, query);
    while (true) {
      for (JsonNode n : r.json()) {
        if (items.size() == maxItems) {
          return new Collected(items, true);
        }
        items.add(n);
      }
      URI next = r.links().get("next");
      if (next == null) {
        return new Collected(items, false);
      }
      if (items.size() == maxItems) {
        return new Collected(items, true);
      }
      r = get(ctx, next);
    }
  }

  /** GET with another media type, e.g. {@code application/vnd.github.diff}. */
  Response getAs(ToolContext ctx, String path, String accept) {
    return send(ctx, "GET", uri(path, Map.of()), accept, null);
  }

  Response post(ToolContext ctx, String path, Object body) {
    return send(ctx, "POST", uri(path, Map.of()), JSON, Json.MAPPER.writeValueAsString(body));
  }

  /**
   * GET of a job's log: GitHub answers with a redirect to short-lived blob storage, which is
   * fetched without the token.
   */
  String getLog(ToolContext ctx, String path) {
    var r = send(ctx, "GET", uri(path, Map.of()), "application/vnd.github+json", null, true);
    return r.body();
  }

  URI uri(String path, Map<String, ?> query) {
    String q =
        query.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(
                e ->
                    e.getKey()
                        + "="
                        + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return URI.create(apiUrl + path + (q.isEmpty() ? "" : "?" + q));
  }

  private Response send(ToolContext ctx, String method, URI uri, String accept, String body) {
    return send(ctx, method, uri, accept, body, false);
  }

  private Response send(
      ToolContext ctx, String method, URI uri, String accept, String body, boolean followRedirect) {
    String key = method + " " + uri + " " + accept;
    EtagCache.Entry cached = method.equals("GET") ? cache.get(key) : null;
    var attempts = limiter.start();
    try {
      while (true) {
        ctx.throwIfCancelled();
        var request = request(method, uri, accept, body, cached, true);
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        RateLimit limit = RateLimit.from(response.headers());
        if (limit != null) {
          ctx.resultMeta(META_KEY, limit.asMeta());
        }
        LOG.debug("{} {} -> {}", method, uri.getPath(), response.statusCode());
        if (attempts.retry(response, ctx)) {
          continue;
        }
        int status = response.statusCode();
        if (status == 304 && cached != null) {
          return new Response(200, cached.body(), LinkHeader.parse(cached.link()), limit);
        }
        if (followRedirect && (status == 302 || status == 301 || status == 307)) {
          return new Response(200, fetchRedirect(ctx, response), Map.of(), limit);
        }
        if (status >= 200 && status < 300) {
          String link = response.headers().firstValue("link").orElse(null);
          if (method.equals("GET")) {
            cache.put(
                key, response.headers().firstValue("etag").orElse(null), response.body(), link);
          }
          return new Response(status, response.body(), LinkHeader.parse(link), limit);
        }
        throw GitHubErrors.of(status, method, uri.getPath(), response.body(), hasToken());
      }
    } catch (HttpTimeoutException e) {
      throw new ToolException(ToolException.Kind.TIMEOUT, "GitHub did not answer in time.", e);
    } catch (IOException e) {
      throw new ToolException(
          ToolException.Kind.UNAVAILABLE,
          "Cannot reach GitHub at " + apiUrl + ": " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToolException(ToolException.Kind.CANCELLED, "The call was interrupted.");
    }
  }

  private String fetchRedirect(ToolContext ctx, HttpResponse<String> response)
      throws IOException, InterruptedException {
    URI location =
        URI.create(
            response
                .headers()
                .firstValue("location")
                .orElseThrow(
                    () -> ToolException.notFound("GitHub sent a redirect without a location.")));
    ctx.throwIfCancelled();
    var request = request("GET", location, "text/plain", null, null, sameOrigin(location));
    var r = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw ToolException.notFound(
          "The log download failed (HTTP " + r.statusCode() + "); it may have expired.");
    }
    return r.body();
  }

  private HttpRequest request(
      String method,
      URI uri,
      String accept,
      String body,
      EtagCache.Entry cached,
      boolean withToken) {
    var b =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Accept", accept)
            .header("User-Agent", userAgent);
    if (withToken && sameOrigin(uri)) {
      b.header("X-GitHub-Api-Version", API_VERSION);
      if (token != null) {
        b.header("Authorization", "Bearer " + token);
      }
    }
    if (cached != null) {
      b.header("If-None-Match", cached.etag());
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return b.build();
  }

  private boolean sameOrigin(URI uri) {
    return Objects.equals(uri.getScheme(), apiUrl.getScheme())
        && Objects.equals(uri.getHost(), apiUrl.getHost())
        && uri.getPort() == apiUrl.getPort();
  }

  private void requireApiOrigin(URI link) {
    if (!sameOrigin(link)) {
      throw new ToolException(
          ToolException.Kind.DENIED,
          "GitHub sent a pagination link to another host; not followed.");
    }
  }

  /** Parameters for a list call; null values are left out. */
  static Map<String, Object> query(Object... keyValues) {
    var m = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        m.put((String) keyValues[i], keyValues[i + 1]);
      }
    }
    return m;
  }

  @Override
  public String toString() {
    return "GitHubClient[" + apiUrl + (token == null ? ", anonymous]" : ", token set]");
  }
}

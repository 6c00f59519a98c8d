package io.devhost.server.auth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the issuer's signing keys: the JWKS URL given, or the {@code jwks_uri} of the issuer's RFC
 * 8414 metadata (then its OpenID Connect discovery document). The keys are cached and fetched again
 * when a token names an unknown {@code kid} (key rotation), at most twice per {@code minRefresh},
 * so a flood of forged {@code kid}s cannot make DevHost hammer the identity provider.
 */
public final class IssuerKeys {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final int MAX_JWKS_BYTES = 512 * 1024;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private IssuerKeys() {}

  public static JWKSource<SecurityContext> of(OAuthSettings settings, Duration minRefresh) {
    URI jwks = settings.jwksUrl() != null ? settings.jwksUrl() : discover(settings.issuer());
    var retriever =
        new DefaultResourceRetriever(
            (int) TIMEOUT.toMillis(), (int) TIMEOUT.toMillis(), MAX_JWKS_BYTES);
    try {
      return JWKSourceBuilder.<SecurityContext>create(jwks.toURL(), retriever)
          .rateLimited(minRefresh.toMillis())
          .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("The JWKS URL " + jwks + " is not a valid URL.");
    }
  }

  /** The {@code jwks_uri} from the issuer's metadata; start-up fails with the URLs tried. */
  static URI discover(URI issuer) {
    var client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    var tried = new ArrayList<String>();
    for (URI metadata : metadataUrls(issuer)) {
      try {
        var response =
            client.send(
                HttpRequest.newBuilder(metadata)
                    .timeout(TIMEOUT)
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          tried.add(metadata + " (HTTP " + response.statusCode() + ")");
          continue;
        }
        JsonNode doc = JSON.readTree(response.body());
        if (!issuer.toString().equals(doc.path("issuer").asString(""))) {
          // RFC 8414 section 3.3: metadata naming another issuer must not be used.
          tried.add(metadata + " (names issuer '" + doc.path("issuer").asString("") + "')");
          continue;
        }
        String jwks = doc.path("jwks_uri").asString("");
        if (!jwks.isEmpty()) {
          return URI.create(jwks);
        }
        tried.add(metadata + " (no jwks_uri)");
      } catch (IOException | JacksonException | IllegalArgumentException e) {
        tried.add(metadata + " (" + e.getClass().getSimpleName() + ")");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading the issuer's metadata");
      }
    }
    throw new IllegalArgumentException(
        "Cannot find the signing keys of --oauth-issuer "
            + issuer
            + ": tried "
            + String.join(", ", tried)
            + ". Check the issuer URL (it must equal the tokens' iss), or give --oauth-jwks-url.");
  }

  /** RFC 8414 puts the well-known segment before the issuer's path; OpenID appends it. */
  static List<URI> metadataUrls(URI issuer) {
    String path = issuer.getRawPath() == null ? "" : issuer.getRawPath().replaceFirst("/$", "");
    String base = issuer.toString().replaceFirst("/$", "");
    return List.of(
        issuer.resolve("/.well-known/oauth-authorization-server" + path),
        URI.create(base + "/.well-known/openid-configuration"));
  }
}

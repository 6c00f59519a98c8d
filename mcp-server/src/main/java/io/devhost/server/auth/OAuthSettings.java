package io.devhost.server.auth;

import java.net.URI;

/**
 * The OAuth resource-server settings, validated at start-up.
 *
 * @param issuer the authorization server whose access tokens are accepted ({@code iss})
 * @param jwksUrl where its signing keys are, or null to find them in the issuer's metadata
 * @param audience this resource's URL, which every token's {@code aud} must name, or null for the
 *     server's own {@code /mcp} URL (loopback only; behind a proxy the public URL must be given)
 * @param scopes which scope grants which permission
 */
public record OAuthSettings(URI issuer, URI jwksUrl, String audience, ScopeMap scopes) {

  public OAuthSettings {
    requireHttpUrl("--oauth-issuer", issuer);
    if (jwksUrl != null) {
      requireHttpUrl("--oauth-jwks-url", jwksUrl);
    }
    if (audience != null) {
      requireHttpUrl("--oauth-audience", URI.create(audience));
    }
  }

  private static void requireHttpUrl(String option, URI uri) {
    String scheme = uri.getScheme();
    if (!("https".equals(scheme) || "http".equals(scheme))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          option
              + " must be an absolute http(s) URL without query or fragment, not '"
              + uri
              + "'.");
    }
  }
}

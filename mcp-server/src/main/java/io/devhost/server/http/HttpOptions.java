package io.devhost.server.http;

import io.devhost.server.auth.OAuthSettings;
import io.devhost.server.auth.ScopeMap;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of the HTTP transports ({@code devhost serve --http}). */
public final class HttpOptions {

  @Option(
      names = "--http",
      description =
          "Serve over HTTP: Streamable HTTP at /mcp, legacy HTTP+SSE at /sse and /message.")
  boolean http;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8808",
      description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}). Any non-loopback address needs a"
              + " token.")
  String bind;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "Bearer token every HTTP request must carry. Prefer DEVHOST_TOKEN or --token-file: a"
              + " flag is visible to other users in the process list.")
  String token;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "File holding the bearer token (first line).")
  Path tokenFile;

  @Option(
      names = "--oauth-issuer",
      paramLabel = "URL",
      description =
          "Accept OAuth 2.1 access tokens (JWT) of this issuer, e.g."
              + " https://sso.example.com/realms/dev. The static token is then off unless given"
              + " as well.")
  URI oauthIssuer;

  @Option(
      names = "--oauth-jwks-url",
      paramLabel = "URL",
      description =
          "The issuer's signing keys (JWKS). Default: the jwks_uri of the issuer's metadata.")
  URI oauthJwksUrl;

  @Option(
      names = "--oauth-audience",
      paramLabel = "URL",
      description =
          "This server's public MCP URL, which tokens must name in aud (default: the /mcp URL"
              + " of --bind and --port; required for a non-loopback --bind).")
  String oauthAudience;

  @Option(
      names = "--oauth-scopes-map",
      split = ",",
      paramLabel = "PERMISSION=SCOPE",
      description =
          "Scopes granting read (connect, read tools) and write (tools that write)"
              + " (default: read=devhost:read,write=devhost:write).")
  List<String> oauthScopesMap = new ArrayList<>();

  @Option(
      names = "--allowed-origins",
      split = ",",
      paramLabel = "ORIGIN",
      description =
          "Browser origins allowed besides http(s)://localhost, 127.0.0.1 and [::1] on any port,"
              + " e.g. https://tools.example.com.")
  List<String> allowedOrigins = new ArrayList<>();

  @Option(
      names = "--allowed-hosts",
      split = ",",
      paramLabel = "HOST",
      description =
          "Host header names accepted besides localhost, the loopback addresses and the bind"
              + " address (DNS-rebinding protection).")
  List<String> allowedHosts = new ArrayList<>();

  @Option(
      names = "--max-body-bytes",
      paramLabel = "N",
      defaultValue = "4194304",
      description = "Largest request body accepted, in bytes (default: ${DEFAULT-VALUE}).")
  int maxBodyBytes;

  @Option(
      names = "--max-sessions",
      paramLabel = "N",
      defaultValue = "128",
      description = "Most MCP sessions open at once over HTTP (default: ${DEFAULT-VALUE}).")
  int maxSessions;

  @Option(
      names = "--session-idle-timeout",
      paramLabel = "SECONDS",
      defaultValue = "1800",
      description =
          "A Streamable HTTP session unused this long is closed (default: ${DEFAULT-VALUE}).")
  int sessionIdleSeconds;

  @Option(
      names = "--conformance-fixtures",
      hidden = true,
      description = "Serve the MCP conformance suite's test_* fixtures. For testing only.")
  boolean conformanceFixtures;

  public boolean enabled() {
    return http;
  }

  public boolean conformanceFixtures() {
    return conformanceFixtures;
  }

  /** Validates the options once and returns the settings the server runs with. */
  public HttpSettings settings() {
    return HttpSettings.of(
        bind,
        port,
        TokenSource.resolve(token, tokenFile),
        allowedOrigins,
        allowedHosts,
        maxBodyBytes,
        maxSessions,
        sessionIdleSeconds,
        oauth());
  }

  private OAuthSettings oauth() {
    if (oauthIssuer == null) {
      if (oauthJwksUrl != null || oauthAudience != null || !oauthScopesMap.isEmpty()) {
        throw new IllegalArgumentException(
            "--oauth-jwks-url, --oauth-audience and --oauth-scopes-map need --oauth-issuer.");
      }
      return null;
    }
    return new OAuthSettings(
        oauthIssuer, oauthJwksUrl, oauthAudience, ScopeMap.parse(oauthScopesMap));
  }
}

package io.devhost.server.http;

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
        sessionIdleSeconds);
  }
}

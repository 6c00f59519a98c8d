package io.devhost.server.cli;

import io.devhost.server.config.AuditOptions;
import io.devhost.server.config.PolicyOptions;
import io.devhost.server.config.ServerOptions;
import io.devhost.server.config.StateKeyOptions;
import io.devhost.server.http.HttpOptions;
import io.devhost.server.mcp.StdioServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code devhost serve}: serves the enabled toolsets over MCP. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the enabled toolsets over MCP: stdio, HTTP (--http), or both.")
final class ServeCommand implements Callable<Integer> {

  @Mixin ServerOptions options;
  @Mixin PolicyOptions policy;
  @Mixin HttpOptions http;
  @Mixin AuditOptions audit;
  @Mixin StateKeyOptions stateKey;

  @Option(
      names = "--stdio",
      description = "Serve over stdin/stdout: the default without --http; with it, serve both.")
  boolean stdio;

  @Override
  public Integer call() throws Exception {
    // Read before anything starts, so that a bad key file stops serve with one message.
    var key = stateKey.load(http.enabled());
    boolean servesStdio = stdio || !http.enabled();
    var server =
        RunningServer.start(
            options,
            policy,
            audit.openOutputs(
                servesStdio
                    ? "the MCP stdio transport (serve without --http, or with --stdio)"
                    : null),
            http.enabled() ? http.settings() : null,
            http.conformanceFixtures(),
            key);
    if (server.http() != null) {
      System.err.println("devhost: serving MCP at " + server.http().baseUri().resolve("mcp"));
    }
    if (servesStdio) {
      StdioServer.serve(server.sessions());
    } else {
      server.http().join();
    }
    return 0;
  }
}

package io.devhost.server.cli;

import io.devhost.server.config.AuditOptions;
import io.devhost.server.config.PolicyOptions;
import io.devhost.server.config.ServerOptions;
import io.devhost.server.http.HttpOptions;
import io.devhost.server.policy.StateKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code devhost demo}: the demo shop over HTTP, a tour by a real client, then yours. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Try DevHost on a demo shop: serve it (as serve --demo --http would), take a short tour",
      "with an MCP client over Streamable HTTP, then keep serving for your own client.",
      "Ctrl-C stops it and deletes the demo copy."
    })
final class DemoCommand implements Callable<Integer> {

  @Mixin ServerOptions options;
  @Mixin PolicyOptions policy;
  @Mixin HttpOptions http;
  @Mixin AuditOptions audit;

  @Option(names = "--tour-only", description = "Stop after the tour instead of serving on.")
  boolean tourOnly;

  @Override
  public Integer call() throws Exception {
    options.useDemo();
    var settings = http.settings();
    var server =
        RunningServer.start(
            options,
            policy,
            audit.openOutputs("the demo's tour"),
            settings,
            false,
            StateKey.generate());
    var endpoint = server.http().baseUri().resolve("mcp");
    DemoTour.run(endpoint, settings.token(), System.out);
    if (tourOnly) {
      return 0;
    }
    System.out.printf(
        "%nDevHost is serving the demo at %s until Ctrl-C.%n"
            + "Connect a client: npx @modelcontextprotocol/inspector, transport Streamable HTTP,"
            + " URL %s%s.%n"
            + "Client configurations for Claude Desktop, VS Code, Cursor, Continue and goose:"
            + " examples/clients/.%n",
        endpoint,
        endpoint,
        settings.token() == null ? "" : ", header Authorization: Bearer <your token>");
    System.out.flush();
    server.http().join();
    return 0;
  }
}

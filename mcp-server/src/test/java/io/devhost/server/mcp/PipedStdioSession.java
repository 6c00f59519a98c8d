package io.devhost.server.mcp;

import io.devhost.core.Toolset;
import io.devhost.server.testing.Pipelines;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A stdio server in this JVM on pipes, spoken to with raw JSON-RPC lines. */
final class PipedStdioSession implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PipedStdioServer server;
  private final OutputStream toServer;
  private final InputStream fromServerStream;
  private final BufferedReader fromServer;

  /** Serves every tool of {@code toolsets}, writing ones included. */
  PipedStdioSession(List<Toolset> toolsets) throws Exception {
    this(toolsets, entry -> true);
  }

  /** Serves the tools of {@code toolsets} that {@code visible} lets through. */
  PipedStdioSession(List<Toolset> toolsets, Predicate<ToolCatalog.Entry> visible) throws Exception {
    server =
        new PipedStdioServer(
            cancellations ->
                new DevhostMcpServer(
                    toolsets,
                    ToolCatalog.of(toolsets, visible),
                    Pipelines.unrestricted(),
                    cancellations));
    toServer = server.toServer();
    fromServerStream = server.fromServer();
    fromServer =
        new BufferedReader(new InputStreamReader(fromServerStream, StandardCharsets.UTF_8));
  }

  /** The initialize handshake of a client with no capabilities; its request id is 1. */
  void initialize() throws Exception {
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}");
    reply(1);
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
  }

  /** The server's output, unread, for a client that frames messages itself (an SDK transport). */
  InputStream fromServer() {
    return fromServerStream;
  }

  /** The server's input, for a client that frames messages itself. */
  OutputStream toServer() {
    return toServer;
  }

  void send(String line) throws Exception {
    toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    toServer.flush();
  }

  /** Reads messages until one whose {@code field} equals {@code value}; fails at end of output. */
  JsonNode readUntil(String field, Object value) throws Exception {
    String line;
    while ((line = fromServer.readLine()) != null) {
      JsonNode node = JSON.readTree(line);
      if (node.path(field).asString("").equals(String.valueOf(value))) {
        return node;
      }
    }
    throw new AssertionError("the server closed before sending " + field + "=" + value);
  }

  JsonNode reply(int id) throws Exception {
    return readUntil("id", id);
  }

  /** Closes the server's input; true when the server then stopped within 15 s. */
  boolean closeAndAwaitStop() throws Exception {
    return server.closeAndAwaitStop(15_000);
  }

  @Override
  public void close() throws Exception {
    closeAndAwaitStop();
  }
}

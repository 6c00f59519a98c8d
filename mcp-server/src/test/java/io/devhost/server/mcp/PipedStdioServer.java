package io.devhost.server.mcp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.function.Function;

/**
 * A stdio server in this JVM on pipes: a client writes to {@link #toServer()} and reads {@link
 * #fromServer()}; closing the server's input ends it.
 */
final class PipedStdioServer {

  private final OutputStream toServer;
  private final InputStream fromServer;
  private final Thread server;

  PipedStdioServer(Function<CancellationRegistry, DevhostMcpServer> servers) throws Exception {
    var clientOut = new PipedOutputStream();
    var serverIn = new PipedInputStream(clientOut, 1 << 16);
    var serverOut = new PipedOutputStream();
    toServer = clientOut;
    fromServer = new PipedInputStream(serverOut, 1 << 20);
    server =
        new Thread(
            () -> {
              try {
                StdioServer.serve(servers, serverIn, serverOut);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    server.start();
  }

  OutputStream toServer() {
    return toServer;
  }

  InputStream fromServer() {
    return fromServer;
  }

  /** Closes the server's input; true when the server then stopped within {@code millis}. */
  boolean closeAndAwaitStop(long millis) throws Exception {
    toServer.close();
    server.join(millis);
    return !server.isAlive();
  }
}

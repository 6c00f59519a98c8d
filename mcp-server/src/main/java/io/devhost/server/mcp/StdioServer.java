package io.devhost.server.mcp;

import io.devhost.server.modern.Era;
import io.devhost.server.modern.ModernSchema;
import io.modelcontextprotocol.modern.server.transport.StdioMcpTransport;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves MCP over stdin/stdout until the client closes stdin, in the era its first message chose
 * ({@link FirstMessage}): a 2025-era session or stateless 2026-07-28 requests.
 */
public final class StdioServer {

  private static final Logger LOG = LoggerFactory.getLogger(StdioServer.class);

  /**
   * The longest message read, in characters. The SDK's default (16 MiB) ends the whole session on a
   * longer one, so a 50 MB write_file request would kill the server instead of being refused by the
   * tool's own size cap with an error the model can act on.
   */
  static final int MAX_MESSAGE_CHARS = 128 * 1024 * 1024;

  private StdioServer() {}

  /**
   * Runs until end of input. Stdout is handed to the transport alone: {@code System.out} is pointed
   * at stderr first, so a stray print from any library cannot corrupt the stream.
   */
  public static void serve(Function<CancellationRegistry, DevhostMcpServer> servers)
      throws InterruptedException {
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    serve(servers, System.in, stdout);
  }

  static void serve(
      Function<CancellationRegistry, DevhostMcpServer> servers, InputStream in, OutputStream out)
      throws InterruptedException {
    FirstMessage first;
    try {
      first = FirstMessage.read(in, MAX_MESSAGE_CHARS);
    } catch (IOException e) {
      LOG.warn("cannot read stdin: {}", e.getMessage());
      return;
    }
    in = first.replay();
    var cancellations = new CancellationRegistry();
    var pending = new PendingRequests();
    var ended = new CountDownLatch(1);
    var output = new LineAtomicOutputStream(out, pending::answered);
    var tagger = new RequestTagger(cancellations, pending::received);
    // The SDK's transport drops every answer once it reads end of input, so end of input is
    // held back until the requests already read have been answered.
    Runnable onEnd =
        () -> {
          try {
            if (!pending.awaitNone(Duration.ofSeconds(10))) {
              LOG.warn("closing with requests still unanswered after 10 s");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ended.countDown();
        };
    var input =
        new TaggingInputStream(
            in, tagger, reply -> reject(output, reply), onEnd, MAX_MESSAGE_CHARS);
    DevhostMcpServer devhost = servers.apply(cancellations);
    Runnable close =
        first.era() == Era.MODERN
            ? serveModern(devhost, input, output)
            : serveLegacy(devhost, input, output);
    ended.await();
    close.run();
  }

  /** Starts a 2025-era session; returns what closes it. */
  private static Runnable serveLegacy(
      DevhostMcpServer devhost, InputStream input, LineAtomicOutputStream output) {
    var transport =
        new SerializedSendTransportProvider(
            new StdioServerTransportProvider(
                DevhostMcpServer.MAPPER, input, output, MAX_MESSAGE_CHARS));
    return devhost.start(transport, "stdio", false)::closeGracefully;
  }

  /**
   * Starts the stateless era: each request stands alone and nothing is asked of the client. Returns
   * what closes it.
   */
  private static Runnable serveModern(
      DevhostMcpServer devhost, InputStream input, LineAtomicOutputStream output) {
    var server = devhost.modern("stdio");
    var transport =
        new StdioMcpTransport(server, ModernSchema.MAPPER, input, output, MAX_MESSAGE_CHARS);
    transport.start().subscribe();
    return () -> {
      transport.closeGracefully().block(Duration.ofSeconds(5));
      server.closeGracefully();
    };
  }

  private static void reject(LineAtomicOutputStream output, String reply) {
    try {
      output.writeLine(reply);
    } catch (IOException e) {
      LOG.warn("cannot write to stdout: {}", e.getMessage());
    }
  }
}

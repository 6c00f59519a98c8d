package io.devhost.server.mcp;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/** Serves MCP over stdin/stdout until the client closes stdin. */
public final class StdioServer {

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
    var cancellations = new CancellationRegistry();
    var ended = new CountDownLatch(1);
    var input = new TaggingInputStream(in, new RequestTagger(cancellations), ended::countDown);
    var mapper = new JacksonMcpJsonMapper(JsonMapper.builder().build());
    var transport = new StdioServerTransportProvider(mapper, input, out);
    var server = servers.apply(cancellations).start(transport, "stdio", false);
    ended.await();
    server.closeGracefully();
  }
}

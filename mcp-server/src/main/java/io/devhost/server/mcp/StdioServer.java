package io.devhost.server.mcp;

import io.devhost.core.ResultLimits;
import io.devhost.core.ToolRunner;
import io.devhost.core.Toolset;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import tools.jackson.databind.json.JsonMapper;

/** Serves MCP over stdin/stdout until the client closes stdin. */
public final class StdioServer {

  /**
   * The longest JSON-RPC line read. The SDK's default (16 MiB) ends the whole session on a longer
   * one, so a 50 MB write_file request would kill the server instead of being refused by the tool's
   * own size cap with an error the model can act on.
   */
  static final int MAX_MESSAGE_CHARS = 128 * 1024 * 1024;

  private StdioServer() {}

  /**
   * Runs until end of input. Stdout is handed to the transport alone: {@code System.out} is pointed
   * at stderr first, so a stray print from any library cannot corrupt the stream.
   */
  public static void serve(List<Toolset> toolsets, ToolCatalog catalog, ResultLimits limits)
      throws InterruptedException {
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    serve(toolsets, catalog, limits, System.in, stdout);
  }

  static void serve(
      List<Toolset> toolsets,
      ToolCatalog catalog,
      ResultLimits limits,
      InputStream in,
      OutputStream out)
      throws InterruptedException {
    var cancellations = new CancellationRegistry();
    var ended = new CountDownLatch(1);
    var input = new TaggingInputStream(in, new RequestTagger(cancellations), ended::countDown);
    var mapper = new JacksonMcpJsonMapper(JsonMapper.builder().build());
    var transport = new StdioServerTransportProvider(mapper, input, out, MAX_MESSAGE_CHARS);
    var server =
        new DevhostMcpServer(toolsets, catalog, new ToolRunner(limits), cancellations)
            .start(transport);
    ended.await();
    server.closeGracefully();
    toolsets.forEach(Toolset::close);
  }
}

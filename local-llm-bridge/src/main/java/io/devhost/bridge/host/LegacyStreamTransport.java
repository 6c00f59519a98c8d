package io.devhost.bridge.host;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The handshake-era stdio transport over a process that is already running: the one the era probe
 * asked, which answered with an error and so stays usable. (The SDK's own stdio transport always
 * starts its process, which would start the server a second time.)
 */
final class LegacyStreamTransport implements McpClientTransport {

  private static final Logger LOG = LoggerFactory.getLogger(LegacyStreamTransport.class);

  private final Process child;
  private final String name;
  private final McpJsonMapper mapper;
  private volatile boolean closing;

  LegacyStreamTransport(Process child, String name, McpJsonMapper mapper) {
    this.child = child;
    this.name = name;
    this.mapper = mapper;
  }

  @Override
  public Mono<Void> connect(
      Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
    return Mono.fromRunnable(
        () -> {
          var reader = new Thread(() -> read(handler), "mcp-stdio-" + name);
          reader.setDaemon(true);
          reader.start();
        });
  }

  private void read(
      Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
    InputStream out = child.getInputStream();
    String text;
    while ((text = ChildProcess.readLine(out)) != null) {
      try {
        handler.apply(Mono.just(McpSchema.deserializeJsonRpcMessage(mapper, text))).subscribe();
      } catch (IOException | RuntimeException e) {
        LOG.warn("[{}] ignored a message that is not JSON-RPC: {}", name, e.getMessage());
      }
    }
    if (!closing) {
      LOG.debug("[{}] the server's output ended", name);
    }
  }

  @Override
  public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
    return Mono.fromRunnable(
        () -> {
          try {
            byte[] json =
                (mapper.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
            OutputStream in = child.getOutputStream();
            synchronized (this) {
              in.write(json);
              in.flush();
            }
          } catch (IOException e) {
            throw new UncheckedIOException("cannot write to MCP server '" + name + "'", e);
          }
        });
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.fromRunnable(
        () -> {
          closing = true;
          ChildProcess.stop(child);
        });
  }

  @Override
  public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
    return mapper.convertValue(data, type);
  }
}

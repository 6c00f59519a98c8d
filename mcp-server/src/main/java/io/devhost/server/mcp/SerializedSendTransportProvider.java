package io.devhost.server.mcp;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Makes the SDK's stdio transport send one message at a time.
 *
 * <p>The transport pushes each outgoing message into a single-subscriber sink and, when another
 * thread is emitting at the same moment, spins for at most 100 ms before dropping the message with
 * "Failed to enqueue message". With tool results, progress notifications and log messages sent from
 * different threads, a loaded machine drops responses and the client waits forever. Taking a lock
 * around each send removes the contention the sink cannot handle.
 */
final class SerializedSendTransportProvider implements McpServerTransportProvider {

  private final McpServerTransportProvider delegate;

  SerializedSendTransportProvider(McpServerTransportProvider delegate) {
    this.delegate = delegate;
  }

  @Override
  public void setSessionFactory(McpServerSession.Factory factory) {
    delegate.setSessionFactory(transport -> factory.create(new SerializedTransport(transport)));
  }

  @Override
  public Mono<Void> notifyClients(String method, Object params) {
    return delegate.notifyClients(method, params);
  }

  @Override
  public Mono<Void> notifyClient(String sessionId, String method, Object params) {
    return delegate.notifyClient(sessionId, method, params);
  }

  @Override
  public Mono<Void> closeGracefully() {
    return delegate.closeGracefully();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public List<String> protocolVersions() {
    return delegate.protocolVersions();
  }

  private static final class SerializedTransport implements McpServerTransport {
    private final McpServerTransport delegate;
    private final Object sendLock = new Object();

    SerializedTransport(McpServerTransport delegate) {
      this.delegate = delegate;
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
      // The delegate's send completes as soon as the message is queued, so the lock is held
      // only for the enqueue; toFuture().join() works on any thread, unlike block().
      return Mono.fromRunnable(
          () -> {
            synchronized (sendLock) {
              delegate.sendMessage(message).toFuture().join();
            }
          });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
      return delegate.unmarshalFrom(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
      return delegate.closeGracefully();
    }

    @Override
    public void close() {
      delegate.close();
    }

    @Override
    public List<String> protocolVersions() {
      return delegate.protocolVersions();
    }
  }
}

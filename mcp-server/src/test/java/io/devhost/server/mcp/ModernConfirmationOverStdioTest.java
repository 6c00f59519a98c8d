package io.devhost.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.ResultLimits;
import io.devhost.core.ToolRunner;
import io.devhost.core.Toolset;
import io.devhost.core.audit.AuditRecord;
import io.devhost.fs.FilesystemToolset;
import io.devhost.fs.Sandbox;
import io.devhost.server.metrics.ToolMetrics;
import io.devhost.server.policy.ConfirmMode;
import io.devhost.server.policy.ToolTimeouts;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.client.McpClient;
import io.modelcontextprotocol.modern.client.McpSyncElicitationHandler;
import io.modelcontextprotocol.modern.client.transport.StdioMcpClientTransport;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The confirmation round trip over stdio in the 2026-07-28 era: one process, its own key, the SDK's
 * modern stdio client answering the form.
 */
class ModernConfirmationOverStdioTest {

  @TempDir Path root;
  private final List<AuditRecord> audit = new CopyOnWriteArrayList<>();
  private PipedOutputStream toServer;
  private Thread server;

  private McpClient.SyncBuilder connect() throws Exception {
    List<Toolset> toolsets = List.of(new FilesystemToolset(Sandbox.of(List.of(root))));
    var pipeline =
        new ToolCallPipeline(
            new ToolRunner(ResultLimits.DEFAULT),
            new ToolCallPipeline.Settings(ConfirmMode.auto, ToolTimeouts.parse(List.of()), 0),
            audit::add,
            new ToolMetrics());
    toServer = new PipedOutputStream();
    var serverIn = new PipedInputStream(toServer, 1 << 16);
    var serverOut = new PipedOutputStream();
    var fromServer = new PipedInputStream(serverOut, 1 << 20);
    server =
        new Thread(
            () -> {
              try {
                StdioServer.serve(
                    cancellations ->
                        new DevhostMcpServer(
                            toolsets,
                            ToolCatalog.of(toolsets, entry -> true),
                            pipeline,
                            cancellations),
                    serverIn,
                    serverOut);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    server.start();
    var transport = StdioMcpClientTransport.builder(fromServer, toServer).start();
    return McpClient.sync(transport)
        .clientInfo(new McpSchema.Implementation("stdio-modern", null, "1", null, null, null));
  }

  @AfterEach
  void stop() throws Exception {
    toServer.close();
    server.join(10_000);
  }

  private McpSchema.CallToolResult write(
      McpSyncElicitationHandler<McpSchema.ElicitFormRequest> answer, String name) throws Exception {
    var client = connect().formElicitation(answer).build();
    return client
        .tool("write_file")
        .arguments(Map.of("path", root.resolve(name).toString(), "content", "over stdio"))
        .call();
  }

  @Test
  void anAcceptedFormWrites() throws Exception {
    var result = write(form -> McpSchema.ElicitResult.accept(Map.of("confirm", true)), "yes.txt");

    assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(root.resolve("yes.txt")).hasContent("over stdio");
    assertThat(audit).extracting(AuditRecord::decision).containsExactly("confirmed");
    assertThat(audit.get(0).transport()).isEqualTo("stdio");
  }

  @Test
  void aDeclinedFormWritesNothing() throws Exception {
    var result = write(form -> McpSchema.ElicitResult.decline(), "no.txt");

    assertThat(result.isError()).isTrue();
    assertThat(root.resolve("no.txt")).doesNotExist();
    assertThat(audit).extracting(AuditRecord::decision).containsExactly("declined");
  }
}

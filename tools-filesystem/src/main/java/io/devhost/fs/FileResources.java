package io.devhost.fs;

import io.devhost.core.ResourceTemplateSpec;
import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files as MCP resources ({@code file:///abs/path}), and the watcher behind {@code
 * resources/subscribe}: a file read as a resource is watched (its directory, with the platform's
 * file notification service), and a change to it announces its URI; the server forwards that only
 * to sessions subscribed to it.
 */
final class FileResources implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FileResources.class);
  static final int MAX_TEXT_BYTES = ReadTextFile.MAX_MAX_BYTES;

  private final Sandbox sandbox;
  private final Map<Path, String> watchedFiles = new ConcurrentHashMap<>();
  private final Map<Path, WatchKey> watchedDirs = new ConcurrentHashMap<>();
  private volatile Consumer<String> announce = uri -> {};
  private WatchService watcher;
  private Thread thread;

  FileResources(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  ResourceTemplateSpec template() {
    var template =
        new McpSchema.ResourceTemplate(
            "file://{+path}",
            "file",
            "Files",
            "A file under the allowed directories, by absolute path (file:///abs/path)."
                + " Subscribe to be told when it changes.",
            null,
            null);
    return new ResourceTemplateSpec(template, this::read);
  }

  void announceTo(Consumer<String> sink) {
    this.announce = sink;
  }

  McpSchema.ReadResourceResult read(String uri) {
    Path path;
    try {
      path = Path.of(URI.create(uri));
    } catch (IllegalArgumentException e) {
      throw ToolException.invalid("Not a file URI: " + uri + ". Use file:///absolute/path.");
    }
    var t = sandbox.existing(path.toString(), ToolContext.DETACHED, Sandbox.Access.READ);
    String mime =
        ReadMediaFile.mimeType(path.getFileName() == null ? "" : path.getFileName().toString());
    McpSchema.ResourceContents contents;
    if (mime != null) {
      try (VerifiedDir dir = sandbox.openParent(t, false)) {
        byte[] bytes = dir.readAll(t.name(), uri, ReadMediaFile.MAX_MEDIA_BYTES);
        contents =
            new McpSchema.BlobResourceContents(
                uri, mime, Base64.getEncoder().encodeToString(bytes));
      } catch (IOException e) {
        throw Sandbox.ioFailure(uri, e);
      }
    } else {
      var text =
          ReadTextFile.read(
              sandbox,
              ToolContext.DETACHED,
              ReadTextFile.Input.whole(path.toString(), MAX_TEXT_BYTES));
      contents = new McpSchema.TextResourceContents(uri, "text/plain", text.content());
    }
    watch(t.real(), uri);
    return new McpSchema.ReadResourceResult(List.of(contents));
  }

  private synchronized void watch(Path file, String uri) {
    watchedFiles.put(file, uri);
    Path dir = file.getParent();
    if (dir == null || watchedDirs.containsKey(dir)) {
      return;
    }
    try {
      if (watcher == null) {
        watcher = FileSystems.getDefault().newWatchService();
        thread = new Thread(this::run, "devhost-fs-watch");
        thread.setDaemon(true);
        thread.start();
      }
      watchedDirs.put(
          dir,
          dir.register(
              watcher,
              StandardWatchEventKinds.ENTRY_MODIFY,
              StandardWatchEventKinds.ENTRY_CREATE,
              StandardWatchEventKinds.ENTRY_DELETE));
    } catch (IOException e) {
      LOG.warn("cannot watch {} for resource updates: {}", dir, e.getMessage());
    }
  }

  private void run() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        Path dir = (Path) key.watchable();
        for (var event : key.pollEvents()) {
          if (event.context() instanceof Path name) {
            String uri = watchedFiles.get(dir.resolve(name));
            if (uri != null) {
              announce.accept(uri);
            }
          }
        }
        key.reset();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.warn("file watcher stopped: {}", e.toString());
    }
  }

  @Override
  public synchronized void close() {
    if (watcher != null) {
      try {
        watcher.close();
      } catch (IOException e) {
        LOG.debug("closing the file watcher", e);
      }
      thread.interrupt();
      watcher = null;
    }
  }
}

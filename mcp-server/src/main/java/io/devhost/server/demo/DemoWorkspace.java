package io.devhost.server.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway copy of the demo shop ({@code examples/shop}) for {@code --demo}: its files, a git
 * repository with the scripted history, and the SQL that seeds its database. Made in a new
 * temporary directory each time and deleted when DevHost exits, so nothing a session changes
 * survives it.
 */
public final class DemoWorkspace {

  private static final Logger LOG = LoggerFactory.getLogger(DemoWorkspace.class);
  private static final String PACKAGED = "io/devhost/server/demo/";

  private final Path root;

  private DemoWorkspace(Path root) {
    this.root = root;
  }

  /**
   * The project directory: the root to serve, the git repository, and in {@code db/} the migrations
   * and seed data of its database.
   */
  public Path root() {
    return root;
  }

  public static DemoWorkspace create() {
    long started = System.nanoTime();
    Map<String, byte[]> tree = PackagedFiles.read(PACKAGED + "shop", "README.md");
    Map<String, byte[]> history = PackagedFiles.read(PACKAGED + "history", "history.json");
    try {
      Path parent = Files.createTempDirectory("devhost-demo-");
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> deleteTree(parent), "devhost-demo-cleanup"));
      Path root = parent.resolve("shop");
      DemoRepository.replay(root, DemoHistory.parse(history.get("history.json")), tree, history);
      writeUncommitted(root, tree);
      LOG.info("demo project ready in {} ({} ms)", root, (System.nanoTime() - started) / 1_000_000);
      return new DemoWorkspace(root);
    } catch (IOException e) {
      throw new UncheckedIOException("making the demo project failed: " + e.getMessage(), e);
    } catch (GitAPIException e) {
      throw new IllegalStateException("making the demo project's history failed: " + e, e);
    }
  }

  /** The files the history never commits: the secrets that the demo's .gitignore keeps out. */
  private static void writeUncommitted(Path root, Map<String, byte[]> tree) throws IOException {
    for (var file : tree.entrySet()) {
      Path target = root.resolve(file.getKey());
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        Files.write(target, file.getValue());
      }
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("could not delete the demo project in {}: {}", dir, e.toString());
    }
  }
}

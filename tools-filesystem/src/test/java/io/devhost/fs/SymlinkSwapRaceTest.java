package io.devhost.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.ToolRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A thread swaps a file (and a directory) inside the root for a symlink to a secret outside, in a
 * loop, while tools read, list and write. No call may ever see or touch the outside.
 *
 * <p>The secure sandbox excludes this by construction (handles, no window). The portable sandbox
 * promises what docs/security.md states: a swap is caught by the identity re-check around each
 * open, so no outside content is read, and the writes here put no content outside (at most an empty
 * temp file). Its re-check compares the opened file's size, so the outside secret here deliberately
 * differs in size from the inside file: an outside file of exactly the same size swapped in and
 * back within one open is the documented residual window.
 */
@ParameterizedClass
@EnumSource(Sandbox.Kind.class)
class SymlinkSwapRaceTest {

  @Parameter Sandbox.Kind kind;
  @TempDir Path tmp;

  @Test
  void noReadListOrWriteEverCrossesASwappedInSymlink() throws Exception {
    Path root = Files.createDirectory(tmp.resolve("root"));
    Path outside = Files.createDirectory(tmp.resolve("outside"));
    Files.writeString(outside.resolve("target.txt"), "OUTSIDE-SECRET");
    Files.writeString(outside.resolve("marker"), "OUTSIDE-SECRET");
    var fs = new FsFixture(root, kind);
    Path file = root.resolve("target.txt");
    Path dir = root.resolve("dir");
    Files.createDirectory(dir);
    Files.writeString(dir.resolve("marker"), "inside");
    Files.writeString(file, "inside");

    var stop = new AtomicBoolean();
    Thread swapper =
        new Thread(
            () -> {
              Path tmpLink = root.resolve("tmp-link");
              Path tmpFile = root.resolve("tmp-file");
              Path dirLink = root.resolve("tmp-dirlink");
              Path parked = root.resolve("parked");
              try {
                while (!stop.get()) {
                  Files.deleteIfExists(tmpLink);
                  Files.createSymbolicLink(tmpLink, outside.resolve("target.txt"));
                  Files.move(tmpLink, file, StandardCopyOption.ATOMIC_MOVE);
                  Files.writeString(tmpFile, "inside");
                  Files.move(tmpFile, file, StandardCopyOption.ATOMIC_MOVE);
                  Files.deleteIfExists(dirLink);
                  Files.createSymbolicLink(dirLink, outside);
                  Files.move(dir, parked, StandardCopyOption.ATOMIC_MOVE);
                  Files.move(dirLink, dir, StandardCopyOption.ATOMIC_MOVE);
                  Files.move(dir, dirLink, StandardCopyOption.ATOMIC_MOVE);
                  Files.move(parked, dir, StandardCopyOption.ATOMIC_MOVE);
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    swapper.start();
    int successes = 0;
    try {
      for (int i = 0; i < 3000; i++) {
        successes += check(fs.call("read_text_file", Map.of("path", "target.txt")));
        successes += check(fs.call("read_text_file", Map.of("path", "dir/marker")));
        successes += check(fs.call("list_directory", Map.of("path", "dir")));
        successes +=
            check(
                fs.call(
                    "read_multiple_files", Map.of("paths", List.of("target.txt", "dir/marker"))));
        check(fs.call("write_file", Map.of("path", "dir/written.txt", "content", "w")));
      }
    } finally {
      stop.set(true);
      swapper.join();
    }
    assertThat(successes).as("some calls must succeed between swaps").isPositive();
    assertThat(Files.readString(outside.resolve("target.txt"))).isEqualTo("OUTSIDE-SECRET");
    assertThat(outside.resolve("written.txt")).doesNotExist();
    try (var left = Files.list(outside)) {
      for (Path p : left.toList()) {
        String name = p.getFileName().toString();
        if (!name.equals("target.txt") && !name.equals("marker")) {
          assertThat(kind)
              .as("the secure sandbox creates nothing outside")
              .isEqualTo(Sandbox.Kind.PORTABLE);
          assertThat(name).startsWith(".devhost-");
          assertThat(Files.size(p)).as("no content written outside").isZero();
        }
      }
    }
    assertThat(Files.readString(outside.resolve("marker"))).isEqualTo("OUTSIDE-SECRET");
  }

  private static int check(ToolRunner.Outcome outcome) {
    String all = outcome.result().toString();
    assertThat(all).doesNotContain("OUTSIDE-SECRET");
    if (outcome.result().structuredContent() != null) {
      assertThat(outcome.result().structuredContent().toString()).doesNotContain("OUTSIDE-SECRET");
    }
    return outcome.isError() ? 0 : 1;
  }
}

package io.devhost.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a call's roots come from when none is configured. */
class SandboxRootsTest {

  @TempDir Path tmp;
  Path fallback;
  Path offered;

  @BeforeEach
  void setUp() throws Exception {
    fallback = Files.createDirectory(tmp.resolve("cwd")).toRealPath();
    offered = Files.createDirectory(tmp.resolve("offered")).toRealPath();
    Files.writeString(fallback.resolve("a.txt"), "a");
    Files.writeString(offered.resolve("b.txt"), "b");
  }

  @Test
  void withoutConfiguredRootsTheClientsRootsReplaceTheDefault() {
    var sandbox = Sandbox.builder().defaultRoots(List.of(fallback)).build();

    assertThat(sandbox.effectiveRoots(FsFixture.clientRoots(offered))).containsExactly(offered);
    assertThat(
            sandbox.existing("b.txt", FsFixture.clientRoots(offered), Sandbox.Access.READ).root())
        .isEqualTo(offered);
    assertThatThrownBy(
            () ->
                sandbox.existing(
                    fallback.resolve("a.txt").toString(),
                    FsFixture.clientRoots(offered),
                    Sandbox.Access.READ))
        .hasMessageContaining("outside the allowed directories");
  }

  @Test
  void withoutConfiguredOrClientRootsTheDefaultApplies() {
    var sandbox = Sandbox.builder().defaultRoots(List.of(fallback)).build();

    assertThat(sandbox.effectiveRoots(ToolContext.DETACHED)).containsExactly(fallback);
    assertThat(sandbox.effectiveRoots(FsFixture.clientRoots())).containsExactly(fallback);
    assertThat(sandbox.existing("a.txt", ToolContext.DETACHED, Sandbox.Access.READ).root())
        .isEqualTo(fallback);
  }

  @Test
  void withNoRootAtAllEveryPathIsRefusedWithTheHint() {
    var sandbox = Sandbox.builder().noRootHint("Start it with --roots DIR.").build();

    assertThat(sandbox.effectiveRoots(ToolContext.DETACHED)).isEmpty();
    for (String path : List.of("/etc/passwd", "a.txt", "/")) {
      assertThatThrownBy(() -> sandbox.existing(path, ToolContext.DETACHED, Sandbox.Access.READ))
          .isInstanceOf(ToolException.class)
          .hasMessage(
              "DevHost has no allowed directory in this session, so no file or repository can"
                  + " be opened. Start it with --roots DIR.");
    }
    assertThatThrownBy(() -> sandbox.forWrite("new.txt", ToolContext.DETACHED, false))
        .hasMessageContaining("Start it with --roots DIR.");
  }

  @Test
  void aClientRootInsideAReadOnlyRootStaysReadOnlyAndKeepsItsPathRules() throws Exception {
    Files.createDirectories(offered.resolve("secrets"));
    Files.writeString(offered.resolve("secrets/key.txt"), "k");
    var sandbox =
        Sandbox.builder()
            .readOnlyRoots(List.of(tmp.toRealPath()))
            .deny(List.of("offered/secrets/**"))
            .build();
    var ctx = FsFixture.clientRoots(offered);

    assertThat(sandbox.effectiveRoots(ctx)).containsExactly(offered);
    assertThatThrownBy(() -> sandbox.forWrite("new.txt", ctx, false))
        .hasMessageContaining("read-only");
    assertThatThrownBy(() -> sandbox.existing("secrets/key.txt", ctx, Sandbox.Access.READ))
        .hasMessageContaining("deny rule");
    assertThat(sandbox.existing("b.txt", ctx, Sandbox.Access.READ).root())
        .isEqualTo(tmp.toRealPath());
  }

  @Test
  void configuredRootsIgnoreTheDefault() {
    var sandbox = Sandbox.builder().roots(List.of(offered)).defaultRoots(List.of(fallback)).build();

    assertThat(sandbox.effectiveRoots(ToolContext.DETACHED)).containsExactly(offered);
  }
}

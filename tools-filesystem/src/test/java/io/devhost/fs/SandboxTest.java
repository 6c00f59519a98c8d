package io.devhost.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.core.ToolContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The attacks on the file tools, each run against both sandbox kinds. */
@ParameterizedClass
@EnumSource(Sandbox.Kind.class)
class SandboxTest {

  @Parameter Sandbox.Kind kind;
  @TempDir Path tmp;
  Path allowed;
  Path outside;
  FsFixture fs;

  @BeforeEach
  void setUp() throws Exception {
    allowed = Files.createDirectory(tmp.resolve("allowed"));
    outside = Files.createDirectory(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "SECRET");
    Files.writeString(allowed.resolve("ok.txt"), "fine");
    fs = new FsFixture(allowed, kind);
  }

  @Test
  void siblingWithTheRootAsPrefixIsOutside_CVE_2025_53110() throws Exception {
    Path evil = Files.createDirectory(tmp.resolve("allowed-evil"));
    Files.writeString(evil.resolve("x.txt"), "EVIL");

    assertThat(fs.error("read_text_file", Map.of("path", evil.resolve("x.txt").toString())))
        .contains("Access denied");
    assertThat(
            fs.error(
                "write_file", Map.of("path", evil.resolve("y.txt").toString(), "content", "x")))
        .contains("Access denied");
    assertThat(evil.resolve("y.txt")).doesNotExist();
  }

  @Test
  void symlinkInsidePointingOutIsRefused_CVE_2025_53109() throws Exception {
    Files.createSymbolicLink(allowed.resolve("link.txt"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(allowed.resolve("linkdir"), outside);

    assertThat(fs.error("read_text_file", Map.of("path", "link.txt"))).contains("Access denied");
    assertThat(fs.error("list_directory", Map.of("path", "linkdir"))).contains("Access denied");
    assertThat(fs.error("write_file", Map.of("path", "linkdir/new.txt", "content", "x")))
        .contains("Access denied");
    assertThat(fs.error("write_file", Map.of("path", "link.txt", "content", "x")))
        .contains("Access denied");
    assertThat(outside.resolve("new.txt")).doesNotExist();
    assertThat(Files.readString(outside.resolve("secret.txt"))).isEqualTo("SECRET");
  }

  @Test
  void symlinkInsidePointingInsideIsFollowed() throws Exception {
    Files.createSymbolicLink(allowed.resolve("alias.txt"), allowed.resolve("ok.txt"));

    assertThat(fs.ok("read_text_file", Map.of("path", "alias.txt")).get("content"))
        .isEqualTo("fine");
  }

  @Test
  void dotDotAbsoluteAndHomePathsCannotLeave() {
    assertThat(fs.error("read_text_file", Map.of("path", "../outside/secret.txt")))
        .contains("Access denied");
    assertThat(fs.error("read_text_file", Map.of("path", "sub/../../outside/secret.txt")))
        .contains("Access denied");
    assertThat(fs.error("read_text_file", Map.of("path", outside.resolve("secret.txt").toString())))
        .contains("Access denied");
    assertThat(fs.error("list_directory", Map.of("path", "~"))).contains("Access denied");
    assertThat(fs.error("read_text_file", Map.of("path", "/etc/passwd"))).contains("Access denied");
    assertThat(fs.ok("read_text_file", Map.of("path", "./sub/../ok.txt")).get("content"))
        .isEqualTo("fine");
  }

  @Test
  void veryLongNamesAndPathsFailCleanlyBeforeTouchingAnything() throws Exception {
    String longName = "a".repeat(300) + ".txt";
    assertThat(fs.error("read_text_file", Map.of("path", longName)))
        .contains("longer than 255 bytes");
    assertThat(fs.error("write_file", Map.of("path", longName, "content", "x")))
        .contains("longer than 255 bytes");
    String deep = "d/".repeat(3000) + "f.txt";
    assertThat(fs.error("write_file", Map.of("path", deep, "content", "x", "createParents", true)))
        .contains("longer than 4095 bytes");
    assertThat(allowed.resolve("d")).doesNotExist();
    String longest = "n".repeat(255);
    fs.ok("write_file", Map.of("path", longest, "content", "max"));
    assertThat(fs.ok("read_text_file", Map.of("path", longest)).get("content")).isEqualTo("max");
  }

  @Test
  void namesThatAreNotUtf8AreListedAndReadable() throws Exception {
    var pb = new ProcessBuilder("sh", "-c", "printf 'latin' > \"$(printf 'bad\\377\\376.txt')\"");
    pb.directory(allowed.toFile());
    assertThat(pb.start().waitFor()).isZero();

    var listing = fs.ok("list_directory", Map.of("path", "."));
    assertThat(listing.get("entries").toString()).contains("bad");
    var hits = fs.ok("search_content", Map.of("pattern", "latin"));
    assertThat((List<?>) hits.get("matches")).hasSize(1);
  }

  @Test
  void defaultDenyRulesHideSecretsFromEveryTool() throws Exception {
    Files.writeString(allowed.resolve(".env"), "TOKEN=1");
    Files.createDirectories(allowed.resolve("keys"));
    Files.writeString(allowed.resolve("keys/server.pem"), "TOKEN=2");
    Files.writeString(allowed.resolve("keys/id_rsa"), "TOKEN=3");

    assertThat(fs.error("read_text_file", Map.of("path", ".env"))).contains("deny rule '.env*'");
    assertThat(fs.error("read_text_file", Map.of("path", "keys/server.pem"))).contains("*.pem");
    assertThat(fs.error("get_file_info", Map.of("path", "keys/id_rsa"))).contains("id_rsa*");
    assertThat(fs.error("write_file", Map.of("path", ".env.local", "content", "x")))
        .contains("deny");
    var hits = fs.ok("search_content", Map.of("pattern", "TOKEN", "includeHidden", true));
    assertThat((List<?>) hits.get("matches")).isEmpty();
    var listing = fs.ok("list_directory", Map.of("path", "keys", "includeHidden", true));
    assertThat((List<?>) listing.get("entries")).isEmpty();
  }

  @Test
  void userDenyGlobsAddAndBangLiftsADefault() throws Exception {
    var sandbox =
        Sandbox.builder()
            .kind(kind)
            .roots(List.of(allowed))
            .deny(List.of("build/**", "!.env.example"))
            .build();
    var custom = new FsFixture(allowed, sandbox);
    Files.writeString(allowed.resolve(".env.example"), "A=");
    Files.createDirectories(allowed.resolve("build"));
    Files.writeString(allowed.resolve("build/out.txt"), "o");

    assertThat(custom.ok("read_text_file", Map.of("path", ".env.example")).get("content"))
        .isEqualTo("A=");
    assertThat(custom.error("read_text_file", Map.of("path", "build/out.txt")))
        .contains("build/**");
  }

  @Test
  void protectedFilesCannotBeDeletedOrMovedByTheirDirectory() throws Exception {
    Files.createDirectories(allowed.resolve("app/config"));
    Files.writeString(allowed.resolve("app/config/.env"), "TOKEN=1");
    Files.writeString(allowed.resolve("app/main.txt"), "m");

    assertThat(fs.error("delete_file", Map.of("path", "app", "recursive", true)))
        .contains("app/config/.env");
    assertThat(fs.error("move_file", Map.of("source", "app", "destination", "moved")))
        .contains("'.env*'");
    assertThat(allowed.resolve("app/main.txt")).exists();
    assertThat(allowed.resolve("app/config/.env")).exists();
  }

  @Test
  void gitInternalsAreReadableButNeverWritten() throws Exception {
    Files.createDirectories(allowed.resolve(".git"));
    Files.writeString(allowed.resolve(".git/HEAD"), "ref: refs/heads/main\n");

    assertThat(fs.ok("read_text_file", Map.of("path", ".git/HEAD")).get("content"))
        .isEqualTo("ref: refs/heads/main");
    assertThat(fs.error("write_file", Map.of("path", ".git/HEAD", "content", "x")))
        .contains("'.git' for writes");
    assertThat(fs.error("delete_file", Map.of("path", ".git", "recursive", true)))
        .contains("for writes");
    assertThat(Files.readString(allowed.resolve(".git/HEAD"))).isEqualTo("ref: refs/heads/main\n");
  }

  @Test
  void readOnlyRootsAllowReadsAndRefuseWrites() throws Exception {
    var sandbox = Sandbox.builder().kind(kind).readOnlyRoots(List.of(allowed)).build();
    var ro = new FsFixture(allowed, sandbox);

    assertThat(ro.ok("read_text_file", Map.of("path", "ok.txt")).get("content")).isEqualTo("fine");
    assertThat(ro.error("write_file", Map.of("path", "ok.txt", "content", "x")))
        .contains("read-only");
    assertThat(ro.error("delete_file", Map.of("path", "ok.txt"))).contains("read-only");
    assertThat(ro.ok("list_allowed_directories", Map.of()).get("readOnly").toString())
        .contains("allowed");
    assertThat(Files.readString(allowed.resolve("ok.txt"))).isEqualTo("fine");
  }

  @Test
  void clientRootsNarrowButNeverWiden() throws Exception {
    Path sub = Files.createDirectories(allowed.resolve("sub"));
    Files.writeString(sub.resolve("in.txt"), "in");

    var narrowed = FsFixture.clientRoots(sub);
    assertThat(
            fs.error(
                "read_text_file", Map.of("path", allowed.resolve("ok.txt").toString()), narrowed))
        .contains("Access denied");
    assertThat(
            fs.call("read_text_file", Map.of("path", sub.resolve("in.txt").toString()), narrowed)
                .isError())
        .isFalse();

    var everything = FsFixture.clientRoots(Path.of("/"));
    assertThat(
            fs.error(
                "read_text_file",
                Map.of("path", outside.resolve("secret.txt").toString()),
                everything))
        .contains("Access denied");
    assertThat(fs.sandbox.effectiveRoots(everything)).containsExactly(allowed.toRealPath());

    var elsewhere = FsFixture.clientRoots(outside);
    assertThat(fs.sandbox.effectiveRoots(elsewhere)).isEmpty();
  }

  @Test
  void denyRuleAnswersForPathsThatNeedNotExist() throws Exception {
    var sandbox =
        Sandbox.builder()
            .kind(kind)
            .roots(List.of(allowed))
            .deny(List.of("svc/deploy/*.yml", "!.env.example"))
            .build();
    assertThat(sandbox.denyRule("config/.env")).contains(".env*");
    assertThat(sandbox.denyRule("certs/x.pem")).contains("*.pem");
    assertThat(sandbox.denyRule(".env.example")).isEmpty();
    assertThat(sandbox.denyRule("src/App.java")).isEmpty();
    assertThat(sandbox.denyRule("")).isEmpty();

    Path root = allowed.toRealPath();
    assertThat(sandbox.denyRuleAt(root.resolve("svc/deploy/prod.yml"), ToolContext.DETACHED))
        .contains("svc/deploy/*.yml");
    assertThat(sandbox.denyRuleAt(root.resolve("svc/x/../deploy/prod.yml"), ToolContext.DETACHED))
        .contains("svc/deploy/*.yml");
    assertThat(sandbox.denyRuleAt(root.resolve("deploy/prod.yml"), ToolContext.DETACHED)).isEmpty();
    assertThat(sandbox.denyRuleAt(outside.toRealPath().resolve(".env"), ToolContext.DETACHED))
        .isEmpty();
  }

  @Test
  void rootsMustExist() {
    assertThatThrownBy(() -> Sandbox.of(List.of(tmp.resolve("missing"))))
        .hasMessageContaining("does not exist");
  }
}

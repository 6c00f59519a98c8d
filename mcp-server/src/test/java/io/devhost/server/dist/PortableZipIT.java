package io.devhost.server.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portable zip works as unpacked on a desktop with a Java 17+: {@code bin/devhost} (POSIX sh)
 * finds Java through JAVA_HOME or PATH, refuses a missing or too old one with a message naming the
 * fix, and serves a real stdio MCP session. The zip is unpacked with the modes it records, as unzip
 * and macOS's Archive Utility do. {@code bin/devhost.cmd} cannot run here; only its line endings
 * are checked. Mandatory under the dist profile, like {@link DistributionIT}.
 */
class PortableZipIT {

  /** bin/devhost needs only these (readlink when started through a link). */
  private static final List<String> SHELL_TOOLS = List.of("sh", "readlink");

  @TempDir static Path work;
  private static Path home;
  private static Path launcher;
  private static Path shellOnly;

  @BeforeAll
  static void unpack() throws Exception {
    Path zip = LauncherRuns.builtDistribution("devhost.zip", "portable zip");
    Path unpacked = Files.createDirectories(work.resolve("apps"));
    unzipWithModes(zip, unpacked);
    home = unpacked.resolve(zip.getFileName().toString().replaceFirst("\\.zip$", ""));
    launcher = home.resolve("bin/devhost");
    shellOnly = LauncherRuns.pathWith(work.resolve("shell-only"), SHELL_TOOLS);
  }

  @Test
  void zipHoldsTheAllPlatformJarBothLaunchersAndTheLicence() throws Exception {
    assertThat(launcher).isExecutable();
    assertThat(home.resolve("LICENSE")).content().contains("Apache License");
    String cmd = Files.readString(home.resolve("bin/devhost.cmd"), StandardCharsets.US_ASCII);
    assertThat(cmd).startsWith("@echo off\r\n").doesNotContainPattern("[^\r]\n");
    try (var jar = new JarFile(home.resolve("lib/devhost.jar").toFile())) {
      var names = jar.stream().map(JarEntry::getName).toList();
      assertThat(names)
          .contains("io/devhost/server/Main.class", "postgres-linux-x86_64.txz")
          .anyMatch(n -> n.startsWith("postgres-darwin"))
          .anyMatch(n -> n.startsWith("postgres-windows"))
          .anyMatch(n -> n.startsWith("de/kherud/llama/Windows/"))
          .anyMatch(n -> n.startsWith("de/kherud/llama/Mac/"));
    }
  }

  @Test
  void runsOnTheJavaNamedByJavaHome() throws Exception {
    var result =
        LauncherRuns.runOk(
            work,
            List.of(launcher.toString(), "--version"),
            Map.of("JAVA_HOME", javaHome(), "PATH", shellOnly.toString()));
    assertThat(result.stdout()).matches("devhost \\d+\\.\\d+\\.\\d+\\S*\\n");
  }

  @Test
  void runsOnTheJavaOnThePathThroughALinkedLauncher() throws Exception {
    Path path = LauncherRuns.pathWith(work.resolve("path-with-java"), SHELL_TOOLS);
    Files.createSymbolicLink(path.resolve("java"), Path.of(javaHome(), "bin", "java"));
    Path link = Files.createDirectories(work.resolve("local-bin")).resolve("devhost");
    Files.createSymbolicLink(link, launcher);
    var result =
        LauncherRuns.runOk(work, List.of(link.toString(), "--version"), Map.of("PATH", "" + path));
    assertThat(result.stdout()).startsWith("devhost ");
  }

  @Test
  void withoutJavaItSaysHowToInstallOneAndFails() throws Exception {
    var result =
        LauncherRuns.run(
            work, List.of(launcher.toString(), "--version"), Map.of("PATH", "" + shellOnly));
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr())
        .contains("no Java found", "JAVA_HOME is not set", "Java 17 or newer", "PATH");
  }

  @Test
  void aJavaHomeWithoutJavaIsNamedAndNotSkipped() throws Exception {
    Path notAJdk = Files.createDirectories(work.resolve("not-a-jdk"));
    Path path = LauncherRuns.pathWith(work.resolve("path-with-java-2"), SHELL_TOOLS);
    Files.createSymbolicLink(path.resolve("java"), Path.of(javaHome(), "bin", "java"));
    var result =
        LauncherRuns.run(
            work,
            List.of(launcher.toString(), "--version"),
            Map.of("JAVA_HOME", notAJdk.toString(), "PATH", path.toString()));
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr()).contains("JAVA_HOME is '" + notAJdk + "'", "bin/java");
  }

  @Test
  void tooOldJavasAreRefusedWithTheirVersion() throws Exception {
    // Java 8 spells its version 1.8; a JAVA_TOOL_OPTIONS notice may come before the version line.
    var versionLines =
        Map.of(
            "1.8.0_392",
            "Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding=\"UTF-8\"\\n"
                + "java version \"1.8.0_392\"\\nJava(TM) SE Runtime Environment",
            "11.0.22",
            "openjdk version \"11.0.22\" 2024-01-16\\nOpenJDK Runtime Environment");
    for (var old : versionLines.entrySet()) {
      Path jdk = fakeJdk(old.getKey(), old.getValue());
      var result =
          LauncherRuns.run(
              work,
              List.of(launcher.toString(), "--version"),
              Map.of("JAVA_HOME", jdk.toString(), "PATH", shellOnly.toString()));
      assertThat(result.exit()).as(old.getKey()).isEqualTo(1);
      assertThat(result.stdout()).as(old.getKey()).isEmpty();
      assertThat(result.stderr())
          .as(old.getKey())
          .contains("is Java " + old.getKey() + ", but DevHost needs Java 17 or newer");
    }
  }

  @Test
  void theVersionIsReadFromTheReleaseFileWithoutStartingJava() throws Exception {
    // A bin/java that fails if it is run at all: the release file alone must decide.
    Path jdk = fakeJdk("11-release", "this java must not be started");
    Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\necho 'java was started' >&2\nexit 3\n");
    Files.writeString(
        jdk.resolve("release"),
        "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"11.0.2\"\nOS_NAME=\"Linux\"\n");

    var result =
        LauncherRuns.run(
            work,
            List.of(launcher.toString(), "--version"),
            Map.of("JAVA_HOME", jdk.toString(), "PATH", shellOnly.toString()));

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.stderr())
        .contains("is Java 11.0.2, but DevHost needs Java 17 or newer")
        .doesNotContain("java was started");
  }

  @Test
  void stdioSessionThroughTheLauncherWithTheSdkClient() throws Exception {
    Path project = Files.createDirectories(work.resolve("project"));
    Files.writeString(project.resolve("notes.txt"), "one\ntwo\nthree\n");
    var params =
        ServerParameters.builder(launcher.toString())
            .args("serve", "--stdio", "--roots", project.toString())
            .env(Map.of("JAVA_HOME", javaHome()))
            .build();
    var transport =
        new StdioClientTransport(params, new JacksonMcpJsonMapper(JsonMapper.builder().build()));
    var client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(60))
            .initializationTimeout(Duration.ofSeconds(120))
            .build();
    try {
      var init = client.initialize();
      assertThat(init.serverInfo().name()).contains("devhost");
      assertThat(client.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .contains("read_text_file");
      var read =
          client.callTool(
              new McpSchema.CallToolRequest(
                  "read_text_file", Map.of("path", "notes.txt", "head", 2)));
      assertThat(read.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(read.structuredContent().toString()).contains("one\ntwo");
    } finally {
      client.closeGracefully();
    }
  }

  private static String javaHome() {
    return System.getProperty("java.home");
  }

  /** A directory with a bin/java that prints {@code versionText} as an old JDK would. */
  private static Path fakeJdk(String version, String versionText) throws Exception {
    Path bin = Files.createDirectories(work.resolve("jdk-" + version).resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\nprintf '" + versionText + "\\n' >&2\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin.getParent();
  }

  /** Unpacks the zip and gives each file the Unix mode recorded for it. */
  private static void unzipWithModes(Path zip, Path into) throws Exception {
    try (var archive = ZipFile.builder().setPath(zip).get()) {
      for (ZipArchiveEntry entry : Collections.list(archive.getEntries())) {
        Path target = into.resolve(entry.getName()).normalize();
        assertThat(target.startsWith(into)).as("%s stays in the folder", entry.getName()).isTrue();
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (var in = archive.getInputStream(entry)) {
          Files.copy(in, target);
        }
        Files.setPosixFilePermissions(target, permissions(entry.getUnixMode()));
      }
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    var permissions = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (1 << (8 - i))) != 0) {
        permissions.add(bits[i]);
      }
    }
    return permissions;
  }
}

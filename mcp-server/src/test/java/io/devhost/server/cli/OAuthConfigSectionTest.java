package io.devhost.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.server.auth.OAuthSettings;
import io.devhost.server.auth.ScopeMap;
import io.devhost.server.config.ConfigFile;
import io.devhost.server.config.LayeredDefaults;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code oauth:} section of devhost.yaml sets the same settings as the {@code --oauth-*} flags
 * and {@code DEVHOST_OAUTH_*} variables, which still win over it; a section and a flat key for the
 * same option, or an unknown permission, is an error naming the key.
 */
class OAuthConfigSectionTest {

  @TempDir Path dir;

  private Path config(String yaml) throws Exception {
    return Files.writeString(dir.resolve("devhost.yaml"), yaml);
  }

  /** The OAuth settings {@code devhost serve} would run with, parsed as DevhostCommand.run does. */
  private OAuthSettings oauth(Map<String, String> env, String... args) {
    var cli = DevhostCommand.commandLine();
    cli.setDefaultValueProvider(new LayeredDefaults(env, ConfigFile.locate(args, env)));
    cli.parseArgs(args);
    ServeCommand serve = cli.getSubcommands().get("serve").getCommand();
    return serve.http.settings().oauth();
  }

  @Test
  void theOauthSectionSetsIssuerKeysAudienceAndScopes() throws Exception {
    Path file =
        config(
            """
            oauth:
              issuer: https://sso.example.com/realms/dev
              jwks-url: https://sso.example.com/realms/dev/certs
              audience: https://devhost.example.com/mcp
              scopes:
                read: mcp.read
                write: mcp.write
            """);

    var settings = oauth(Map.of(), "serve", "--http", "--config", file.toString());

    assertThat(settings)
        .isEqualTo(
            new OAuthSettings(
                URI.create("https://sso.example.com/realms/dev"),
                URI.create("https://sso.example.com/realms/dev/certs"),
                "https://devhost.example.com/mcp",
                new ScopeMap("mcp.read", "mcp.write")));
  }

  @Test
  void flagsAndEnvironmentStillWinOverTheSection() throws Exception {
    Path file =
        config(
            """
            oauth:
              issuer: https://sso.example.com/realms/dev
              scopes:
                write: mcp.write
            """);

    var settings =
        oauth(
            Map.of("DEVHOST_OAUTH_ISSUER", "https://other.example.com/realms/ops"),
            "serve",
            "--http",
            "--config",
            file.toString(),
            "--oauth-scopes-map",
            "read=ops.read");

    assertThat(settings.issuer()).isEqualTo(URI.create("https://other.example.com/realms/ops"));
    assertThat(settings.scopes()).isEqualTo(new ScopeMap("ops.read", "devhost:write"));
  }

  @Test
  void aSectionKeyAndItsFlatKeyTogetherIsAnErrorNamingTheKey() throws Exception {
    Path file =
        config(
            """
            oauth-issuer: https://a.example.com/
            oauth:
              issuer: https://b.example.com/
            """);

    var err = new ByteArrayOutputStream();
    int code = run(err, "serve", "--http", "--config", file.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("key 'oauth.issuer' sets 'oauth-issuer', which another key sets too");
  }

  @Test
  void anUnknownPermissionOrKeyInTheSectionIsNamed() throws Exception {
    var err = new ByteArrayOutputStream();
    Path file =
        config(
            """
            oauth:
              issuer: https://sso.example.com/realms/dev
              scopes:
                admin: mcp.admin
            """);
    int code = run(err, "serve", "--http", "--config", file.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown permission 'admin'");

    err.reset();
    file = config("oauth:\n  isuer: https://sso.example.com/\n");
    code = run(err, "serve", "--http", "--config", file.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown key 'oauth.isuer'");
  }

  private static int run(ByteArrayOutputStream err, String... args) {
    PrintStream previous = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return DevhostCommand.run(args, Map.of());
    } finally {
      System.setErr(previous);
    }
  }
}

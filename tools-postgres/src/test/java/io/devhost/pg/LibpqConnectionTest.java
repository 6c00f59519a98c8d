package io.devhost.pg;

import static io.devhost.pg.PostgresFixture.call;
import static io.devhost.pg.PostgresFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.ToolRunner;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connection strings, PG* variables and password files as users write them, against the real
 * embedded PostgreSQL. A role of its own is put behind password (SCRAM) authentication in pg_hba,
 * ahead of the trust rules the other tests use, so a wrong or missing password really fails.
 */
class LibpqConnectionTest {

  private static final String ROLE = "libpq_user";
  private static final String PASSWORD = "s3cret:with\\odd";
  private static int port;

  @TempDir Path home;

  @BeforeAll
  static void requirePasswordForOneRole() throws Exception {
    var matcher =
        Pattern.compile("//[^:/]+:(\\d+)/").matcher(PostgresFixture.readerUrl().jdbcUrl());
    assertThat(matcher.find()).isTrue();
    port = Integer.parseInt(matcher.group(1));
    try (var c = PostgresFixture.superuser();
        var s = c.createStatement()) {
      s.execute("DROP ROLE IF EXISTS " + ROLE);
      s.execute(
          "CREATE ROLE "
              + ROLE
              + " LOGIN PASSWORD "
              + ReadOnlyRole.literal(PASSWORD)
              + " IN ROLE pg_read_all_data");
      String hbaFile;
      try (var rs = s.executeQuery("SHOW hba_file")) {
        rs.next();
        hbaFile = rs.getString(1);
      }
      Path hba = Path.of(hbaFile);
      String current = Files.readString(hba);
      if (!current.contains(ROLE)) {
        Files.writeString(
            hba,
            "host all "
                + ROLE
                + " 127.0.0.1/32 scram-sha-256\nhost all "
                + ROLE
                + " ::1/128 scram-sha-256\n"
                + current);
      }
      s.execute("SELECT pg_reload_conf()");
    }
  }

  @Test
  void withoutAPasswordTheRoleIsRefused() {
    var outcome = select("postgres://" + ROLE + "@localhost:" + port + "/devhost", env(Map.of()));
    assertThat(outcome.isError()).isTrue();
    assertThat(text(outcome)).containsIgnoringCase("password");
  }

  @Test
  void thePasswordComesFromPgpassInTheHomeDirectory() throws Exception {
    writePgpass(home.resolve(".pgpass"), "rw-------");
    assertConnects(select("postgres://" + ROLE + "@localhost:" + port + "/devhost", env(Map.of())));
  }

  @Test
  void aPgpassFileOthersCanReadIsIgnored() throws Exception {
    writePgpass(home.resolve(".pgpass"), "rw-r--r--");
    var outcome = select("postgres://" + ROLE + "@localhost:" + port + "/devhost", env(Map.of()));
    assertThat(outcome.isError()).isTrue();
    assertThat(text(outcome)).containsIgnoringCase("password");
  }

  @Test
  void pgpassfileAndPgVariablesAloneDescribeTheConnection() throws Exception {
    Path file = home.resolve("elsewhere.pgpass");
    writePgpass(file, "rw-------");
    var env =
        env(
            Map.of(
                "PGHOST",
                "localhost",
                "PGPORT",
                String.valueOf(port),
                "PGDATABASE",
                "devhost",
                "PGUSER",
                ROLE,
                "PGPASSFILE",
                file.toString(),
                "PGAPPNAME",
                "from-env"));
    assertThat(env.namesADatabase()).isTrue();
    var url = DatabaseUrl.parse("", env);
    var tools =
        PostgresToolset.of(
            List.of(DatabaseConfig.of("db", url, false, false)), PostgresFixture.LIMITS);
    try (tools) {
      var result =
          PostgresFixture.ok(
              tools,
              "query",
              Map.of("sql", "SELECT current_user, current_setting('application_name')"));
      assertThat(result.get("rows")).isEqualTo(List.of(List.of(ROLE, "from-env")));
    }
  }

  @Test
  void pgpasswordIsUsedWhenTheUrlHasNone() {
    var env = env(Map.of("PGPASSWORD", PASSWORD));
    assertConnects(select("postgres://" + ROLE + "@localhost:" + port + "/devhost", env));
  }

  @Test
  void aTwoHostUrlWhoseFirstHostIsClosedConnectsToTheSecond() throws Exception {
    int closed;
    try (var socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String url =
        "postgresql://"
            + ROLE
            + ":"
            + java.net.URLEncoder.encode(PASSWORD, java.nio.charset.StandardCharsets.UTF_8)
            + "@localhost:"
            + closed
            + ",localhost:"
            + port
            + "/devhost?connect_timeout=2";
    assertConnects(select(url, env(Map.of())));
  }

  @Test
  void sslmodeDisableConnectsAndRequireFailsAgainstAServerWithoutSsl() {
    var env = env(Map.of("PGPASSWORD", PASSWORD));
    String base = "postgres://" + ROLE + "@localhost:" + port + "/devhost?sslmode=";
    assertConnects(select(base + "disable", env));
    assertConnects(select(base + "prefer", env));
    var required = select(base + "require", env);
    assertThat(required.isError()).isTrue();
    assertThat(text(required)).containsIgnoringCase("SSL");
  }

  private LibpqEnvironment env(Map<String, String> variables) {
    return new LibpqEnvironment(variables, home, "nobody-in-particular");
  }

  private void writePgpass(Path file, String permissions) throws Exception {
    Files.writeString(
        file,
        "otherhost:*:*:*:wrong\n"
            + "localhost:"
            + port
            + ":devhost:"
            + ROLE
            + ":"
            + PASSWORD.replace("\\", "\\\\").replace(":", "\\:")
            + "\n*:*:*:*:wrong-too\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
  }

  private static ToolRunner.Outcome select(String url, LibpqEnvironment env) {
    var config = DatabaseConfig.of("db", DatabaseUrl.parse(url, env), false, false);
    try (var tools = PostgresToolset.of(List.of(config), PostgresFixture.LIMITS)) {
      return call(tools, "query", Map.of("sql", "SELECT current_user"));
    }
  }

  private static void assertConnects(ToolRunner.Outcome outcome) {
    assertThat(outcome.isError()).as(text(outcome)).isFalse();
    assertThat(text(outcome)).contains(ROLE);
  }
}

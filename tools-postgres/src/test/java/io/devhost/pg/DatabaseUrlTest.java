package io.devhost.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUrlTest {

  @Test
  void libpqUrlsBecomeJdbcUrlsWithCredentialsApart() {
    var url =
        DatabaseUrl.parse("postgres://app%40corp:p%40ss@db.internal:6543/shop?sslmode=require");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/shop?sslmode=require");
    assertThat(url.user()).isEqualTo("app@corp");
    assertThat(url.password()).isEqualTo("p@ss");
  }

  @Test
  void jdbcUrlsLoseTheirPasswordParameter() {
    var url = DatabaseUrl.parse("jdbc:postgresql://localhost/app?user=u&password=hunter2&ssl=true");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app?ssl=true");
    assertThat(url.password()).isEqualTo("hunter2");
  }

  @Test
  void jdbcUrlsKeepTheirHosts() {
    var url = DatabaseUrl.parse("jdbc:postgresql://h1:5433,h2/app?targetServerType=primary");
    assertThat(url.jdbcUrl())
        .isEqualTo("jdbc:postgresql://h1:5433,h2:5432/app?targetServerType=primary");
  }

  @Test
  void thePasswordNeverAppearsInTextOrErrors() {
    var url = DatabaseUrl.parse("postgresql://u:hunter2@h/db");
    assertThat(url.toString()).doesNotContain("hunter2").contains("user u");
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:hunter2@h/db"))
        .hasMessageNotContaining("hunter2")
        .hasMessageContaining("postgres://");
  }

  @Test
  void serverOptionsAreKeptApartSoDevhostCanAddItsOwn() {
    var url = DatabaseUrl.parse("postgres://h/db?options=-c%20search_path%3Dapp&sslmode=disable");
    assertThat(url.options()).isEqualTo("-c search_path=app");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db?sslmode=disable");
  }

  @Test
  void severalHostsAreTriedInOrderWithTheirOwnPorts() {
    var url = DatabaseUrl.parse("postgres://u:p@h1:5432,h2:5433,[::1]/db");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5433,[::1]:5432/db");
    assertThat(url.hostAndPort()).isEqualTo("h1:5432,h2:5433,[::1]:5432");
  }

  @Test
  void libpqParametersGetPgjdbcNames() {
    var url =
        DatabaseUrl.parse(
            "postgresql:///?host=a,b&port=5433&dbname=my%20db&user=me&password=pw"
                + "&target_session_attrs=read-write&connect_timeout=1&application_name=ci+job"
                + "&sslrootcert=/etc/ca.pem&keepalives=0");
    assertThat(url.jdbcUrl())
        .isEqualTo(
            "jdbc:postgresql://a:5433,b:5433/my%20db?targetServerType=primary&connectTimeout=2"
                + "&ApplicationName=ci%2Bjob&sslrootcert=%2Fetc%2Fca.pem&tcpKeepAlive=false");
    assertThat(url.databaseName()).isEqualTo("my db");
    assertThat(url.user()).isEqualTo("me");
    assertThat(url.password()).isEqualTo("pw");
    assertThat(DatabaseUrl.parse("postgres://h/db?ssl=true").jdbcUrl())
        .endsWith("?sslmode=require");
    assertThat(DatabaseUrl.parse("postgres://h/db?target_session_attrs=prefer-standby").jdbcUrl())
        .endsWith("targetServerType=preferSecondary");
  }

  @Test
  void theClientKeyPasswordStaysOutOfTheUrl() {
    var url = DatabaseUrl.parse("postgres://h/db?sslkey=/k.pk8&sslpassword=hunter2");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db?sslkey=%2Fk.pk8");
    assertThat(url.sslPassword()).isEqualTo("hunter2");
    assertThat(url.toString()).doesNotContain("hunter2");
  }

  @Test
  void keyValueConnectionStringsAreReadToo() {
    var url =
        DatabaseUrl.parse(
            "host=db.internal port=6543 dbname='my shop' user=app password='it\\'s x'"
                + " sslmode=verify-full");
    assertThat(url.jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal:6543/my%20shop?sslmode=verify-full");
    assertThat(url.password()).isEqualTo("it's x");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "postgres://u:hunter2@h/db?sslmode=on | Invalid sslmode value 'on'",
        "postgres://u:hunter2@h/db?colour=red | Unknown URL query parameter 'colour'",
        "postgres://u:hunter2@h:54x2/db | Invalid port number '54x2'",
        "postgres://u:hunter2@h:70000/db | Invalid port number '70000'",
        "postgres://u:hunter2@h1,h2/db?port=1,2,3 | Could not match 3 port numbers to 2 hosts",
        "postgres://u:hunter2@h/d%zzb | Invalid percent-encoding in the database name",
        "postgres://u:hunter2@h/d%00b | %00 is not allowed",
        "postgres://u:hunter2@h/db?target_session_attrs=master | Invalid target_session_attrs",
        "postgres://u:hunter2@h/db?connect_timeout=soon | Invalid integer value 'soon'",
        "postgres://u:hunter2@%2Fvar%2Frun%2Fpostgresql/db | Unix-domain socket",
        "postgres://u:hunter2@h/db?service=prod | pg_service.conf",
        "postgres://u:hunter2@h/db?require_auth=scram-sha-256 | require_auth is a libpq parameter",
        "postgres://u:hunter2@[::1/db | without ']'",
        "host=h password=hunter2 dbname | missing '=' after 'dbname'",
        "host=h password='hunter2 | has no closing quote",
        "host=h passwd=hunter2 | Unknown connection option 'passwd'"
      })
  void urlsLibpqRejectsGetOneMessageNamingTheBadPart(String url, String message) {
    assertThatThrownBy(() -> DatabaseUrl.parse(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void pgVariablesFillOnlyWhatTheUrlLeavesOut() {
    var env =
        new LibpqEnvironment(
            Map.of(
                "PGHOST", "envhost",
                "PGPORT", "6000",
                "PGDATABASE", "envdb",
                "PGUSER", "envuser",
                "PGPASSWORD", "envpw",
                "PGSSLMODE", "require",
                "PGAPPNAME", "envapp",
                "PGOPTIONS", "-c work_mem=64MB",
                "PGCONNECT_TIMEOUT", "7",
                "PGTARGETSESSIONATTRS", "standby"),
            null,
            "osuser");
    var fromEnv = DatabaseUrl.parse("", env);
    assertThat(fromEnv.jdbcUrl())
        .isEqualTo(
            "jdbc:postgresql://envhost:6000/envdb?ApplicationName=envapp&sslmode=require"
                + "&connectTimeout=7&targetServerType=secondary");
    assertThat(fromEnv.user()).isEqualTo("envuser");
    assertThat(fromEnv.password()).isEqualTo("envpw");
    assertThat(fromEnv.options()).isEqualTo("-c work_mem=64MB");
    var url = DatabaseUrl.parse("postgres://me@urlhost/urldb?sslmode=disable", env);
    assertThat(url.jdbcUrl()).startsWith("jdbc:postgresql://urlhost:6000/urldb?sslmode=disable&");
    assertThat(url.user()).isEqualTo("me");
  }

  @Test
  void withoutUserOrDatabaseTheOperatingSystemUserIsBoth() {
    var env = new LibpqEnvironment(Map.of(), null, "alice");
    var url = DatabaseUrl.parse("postgres://h", env);
    assertThat(url.user()).isEqualTo("alice");
    assertThat(url.databaseName()).isEqualTo("alice");
  }

  @Test
  void onlyVariablesThatNameAServerOrDatabaseCountAsConfiguration() {
    assertThat(new LibpqEnvironment(Map.of("PGPORT", "5433"), null, null).namesADatabase())
        .isFalse();
    assertThat(new LibpqEnvironment(Map.of("PGDATABASE", "shop"), null, null).namesADatabase())
        .isTrue();
  }
}

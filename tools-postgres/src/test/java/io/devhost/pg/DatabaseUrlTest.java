package io.devhost.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}

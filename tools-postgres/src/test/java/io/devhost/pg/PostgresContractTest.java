package io.devhost.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.devhost.core.testing.ToolContractSnapshots;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresContractTest {

  @Test
  void toolContractsMatchTheirSnapshots() throws Exception {
    var url = DatabaseUrl.parse("postgres://reader:secret@db.example:5432/app");
    try (var tools =
        PostgresToolset.of(
            List.of(
                DatabaseConfig.of("app", url, false, false),
                DatabaseConfig.of("rw", url, true, false)),
            PgLimits.DEFAULT)) {
      ToolContractSnapshots.assertMatch(tools);
    }
  }

  @Test
  void creatingTheEmbeddedToolsetTouchesNoDisk(@TempDir Path home) {
    Path data = home.resolve("postgres");
    try (var tools = PostgresToolset.embedded(data, null, false, PgLimits.DEFAULT)) {
      assertThat(tools.tools()).extracting(t -> t.name()).contains("query", "describe_table");
      assertThat(tools.instructions()).contains("local");
    }
    assertThat(data).doesNotExist();
  }
}

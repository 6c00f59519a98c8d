package io.devhost.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated file under docs/: compared with what the generator makes now, or rewritten when the
 * tests run with {@code -Ddevhost.updateSnapshots=true} (the flag that also rewrites the tool
 * contracts, so one run brings contracts and docs up to date together).
 */
final class GeneratedDoc {

  static final Path DOCS = Path.of("../docs");

  private GeneratedDoc() {}

  static void assertCurrent(String name, String generated) throws IOException {
    Path file = DOCS.resolve(name);
    boolean update =
        Boolean.getBoolean("devhost.updateSnapshots")
            || "true".equalsIgnoreCase(System.getenv("DEVHOST_UPDATE_SNAPSHOTS"));
    if (update) {
      Files.writeString(file, generated);
      return;
    }
    assertThat(file).as("docs/%s is missing; %s", name, HOW_TO_REGENERATE).exists();
    assertThat(Files.readString(file))
        .as("docs/%s is stale (the code changed); %s", name, HOW_TO_REGENERATE)
        .isEqualTo(generated);
  }

  private static final String HOW_TO_REGENERATE =
      "regenerate it with ./mvnw verify -Ddevhost.updateSnapshots=true (or ./mvnw -pl mcp-server"
          + " -am test -Dtest=GeneratedDocsTest -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Ddevhost.updateSnapshots=true) and commit it";
}

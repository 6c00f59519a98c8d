package io.devhost.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgumentRedactorTest {

  @Test
  void secretKeysAreRedactedAtAnyDepth() {
    var redacted =
        ArgumentRedactor.redact(
            Map.of(
                "password", "p4ss",
                "db", Map.of("apiKey", "k", "name", "main"),
                "headers", List.of(Map.of("Authorization", "Bearer abcdefghijkl"))));

    assertThat(redacted.get("password")).isEqualTo("[redacted]");
    assertThat(redacted.get("db").toString()).contains("apiKey=[redacted]", "name=main");
    assertThat(redacted.toString()).doesNotContain("p4ss").doesNotContain("abcdefghijkl");
  }

  @Test
  void credentialLookingValuesAreMaskedWhereverTheyAppear() {
    String token = "ghp_" + "0123456789abcdefghijABCDEFGHIJ";
    var redacted =
        ArgumentRedactor.redact(
            Map.of(
                "body",
                "use " + token + " to push",
                "url",
                "postgresql://app:s3cr3t@db:5432/main"));

    assertThat(redacted.get("body")).isEqualTo("use [redacted] to push");
    assertThat(redacted.get("url")).isEqualTo("postgresql://app:[redacted]@db:5432/main");
  }

  @Test
  void largeValuesAreKeptAsAHashAndLength() {
    String big = "x".repeat(10_000);

    var redacted = ArgumentRedactor.redact(Map.of("content", big, "n", 7));

    assertThat((String) redacted.get("content")).matches("sha256:[0-9a-f]{64} \\(10000 chars\\)");
    assertThat(redacted.get("n")).isEqualTo(7);
  }
}

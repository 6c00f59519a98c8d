package io.devhost.github;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devhost.core.ToolContext;
import io.devhost.core.ToolException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void aCancelledCallStopsWaitingOutALimit() {
    var cancelled =
        new ToolContext() {
          @Override
          public void progress(double done, Double total, String message) {}

          @Override
          public boolean isCancelled() {
            return true;
          }

          @Override
          public Optional<List<URI>> clientRoots() {
            return Optional.empty();
          }
        };
    assertThatThrownBy(() -> RateLimiter.Sleeper.real().sleep(Duration.ofMinutes(10), cancelled))
        .isInstanceOfSatisfying(
            ToolException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.kind())
                    .isEqualTo(ToolException.Kind.CANCELLED));
  }
}

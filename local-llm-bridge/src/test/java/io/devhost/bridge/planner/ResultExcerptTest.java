package io.devhost.bridge.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultExcerptTest {

  private static final String TEXT = "first line\n" + "middle\n".repeat(500) + "last line\n";

  @Test
  void keepsTheHeadAndTheTailWithAMarkerThatLedgerReadTakes() {
    String shown = ResultExcerpt.of(TEXT, 300, false, 4);
    assertThat(shown).startsWith("first line\n").endsWith("last line\n");
    assertThat(shown.length()).isLessThan(300 + 120);
    int offset = Integer.parseInt(shown.replaceAll("(?s).*\"offset\": (\\d+)\\}.*", "$1"));
    assertThat(TEXT.substring(0, offset)).isEqualTo(shown.substring(0, offset));
    assertThat(shown).contains("{\"entry\": 4, \"offset\": " + offset + "}");
  }

  @Test
  void aCallForTheEndGetsTheTailOnly() {
    String shown = ResultExcerpt.of(TEXT, 300, true, 1);
    assertThat(shown).doesNotContain("first line").endsWith("last line\n").startsWith("[…");
  }

  @Test
  void aResultThatFitsIsShownWhole() {
    assertThat(ResultExcerpt.of("short", 300, true, 1)).isEqualTo("short");
  }

  @Test
  void recognisesCallsForTheEnd() {
    assertThat(ResultExcerpt.asksForTheEnd(Map.of("path", "a.log", "tail", 200))).isTrue();
    assertThat(ResultExcerpt.asksForTheEnd(Map.of("lastLines", 50))).isTrue();
    assertThat(ResultExcerpt.asksForTheEnd(Map.of("offset", -100))).isTrue();
    assertThat(ResultExcerpt.asksForTheEnd(Map.of("page", "last"))).isTrue();
    assertThat(ResultExcerpt.asksForTheEnd(Map.of("path", "a.log", "head", 20))).isFalse();
    assertThat(ResultExcerpt.asksForTheEnd(Map.of("tail", 0))).isFalse();
    assertThat(ResultExcerpt.asksForTheEnd(Map.of("offset", 100))).isFalse();
  }
}

package io.devhost.bridge.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThinkSplitterTest {

  private final List<String> reasoning = new ArrayList<>();
  private final List<String> content = new ArrayList<>();
  private final TokenListener listener =
      new TokenListener() {
        @Override
        public void onReasoning(String delta) {
          reasoning.add(delta);
        }

        @Override
        public void onContent(String delta) {
          content.add(delta);
        }
      };

  private ThinkSplitter feed(boolean startsInThought, String... deltas) {
    var s = new ThinkSplitter(startsInThought, listener);
    for (String d : deltas) {
      s.accept(d);
    }
    s.finish();
    return s;
  }

  @Test
  void splitsAtACloseTagCutAcrossDeltas() {
    var s = feed(true, "Okay, let me", " think.</th", "ink>\n\n{\"answer\"", ": 1}");
    assertThat(s.reasoning()).isEqualTo("Okay, let me think.");
    assertThat(s.content()).isEqualTo("{\"answer\": 1}");
    assertThat(s.reasoningClosed()).isTrue();
    assertThat(String.join("", reasoning)).isEqualTo("Okay, let me think.");
  }

  @Test
  void acceptsAnExplicitOpeningTag() {
    var s = feed(true, "<thi", "nk>\nhmm</think>yes");
    assertThat(s.reasoning()).isEqualTo("hmm");
    assertThat(s.content()).isEqualTo("yes");
  }

  @Test
  void keepsAnUnclosedThoughtAsReasoning() {
    var s = feed(true, "still thinking <", "b>");
    assertThat(s.reasoning()).isEqualTo("still thinking <b>");
    assertThat(s.content()).isEmpty();
    assertThat(s.reasoningClosed()).isFalse();
  }

  @Test
  void treatsEverythingAsAnswerWhenTheThoughtWasClosedBefore() {
    var s = feed(false, "{\"tool\":", "\"x\"}");
    assertThat(s.content()).isEqualTo("{\"tool\":\"x\"}");
    assertThat(reasoning).isEmpty();
  }
}

package io.devhost.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestTaggerTest {

  private final CancellationRegistry cancellations = new CancellationRegistry();
  private final AtomicInteger requests = new AtomicInteger();
  private final RequestTagger tagger = new RequestTagger(cancellations, requests::incrementAndGet);

  @Test
  void stampsTheRequestIdIntoToolCallsAndOverwritesAForgedOne() throws Exception {
    String tagged =
        tagger.tag(
            "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/call\",\"params\":{\"name\":\"x\","
                + "\"_meta\":{\"io.devhost/requestId\":\"n:1\",\"progressToken\":3}}}");
    assertThat(tagged)
        .contains("\"io.devhost/requestId\":\"|s:a\"")
        .contains("\"progressToken\":3");
    assertThat(requests).hasValue(1);
  }

  @Test
  void cancellationBeforeTheHandlerStartsIsKept() throws Exception {
    tagger.tag(
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":5}}");
    assertThat(cancellations.started("|n:5").get()).isTrue();
    assertThat(cancellations.started("|s:5").get()).as("string id 5 is another request").isFalse();
    assertThat(requests).hasValue(0);
  }

  @Test
  void otherMessagesPassUnchanged() throws Exception {
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
    assertThat(tagger.tag(ping)).isSameAs(ping);
    String response = "{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":{}}";
    assertThat(tagger.tag(response)).isSameAs(response);
  }

  @Test
  void nonJsonRpcInputIsAnsweredWithAJsonRpcError() {
    assertThatThrownBy(() -> tagger.tag("not json"))
        .isInstanceOfSatisfying(
            RequestTagger.InvalidMessage.class,
            e -> assertThat(e.response()).contains("-32700").contains("\"id\":null"));
    assertThatThrownBy(() -> tagger.tag("{\"jsonrpc\":\"1.0\",\"id\":4,\"method\":\"x\"}"))
        .isInstanceOfSatisfying(
            RequestTagger.InvalidMessage.class,
            e -> assertThat(e.response()).contains("-32600").contains("\"id\":4"));
    assertThatThrownBy(() -> tagger.tag("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":7}"))
        .isInstanceOf(RequestTagger.InvalidMessage.class);
  }
}

package io.devhost.bridge.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionParserTest {

  private static final List<String> TOOLS = List.of("read_text_file", "query");

  private static Action parse(String reasoning, String content, boolean closed) {
    var parsed = ActionParser.parse(reasoning, content, closed, TOOLS);
    assertThat(parsed).isInstanceOf(ActionParser.Found.class);
    return ((ActionParser.Found) parsed).action();
  }

  private static String problem(String reasoning, String content, boolean closed) {
    var parsed = ActionParser.parse(reasoning, content, closed, TOOLS);
    assertThat(parsed).isInstanceOf(ActionParser.Unreadable.class);
    return ((ActionParser.Unreadable) parsed).message();
  }

  @Test
  void readsAFencedCallWithProseAround() {
    Action a =
        parse(
            "thinking",
            "Sure! Here is the call:\n```json\n{\"tool\": \"read_text_file\", \"arguments\": {\"path\": \"a.sql\"}}\n```\nLet me know.",
            true);
    assertThat(a).isEqualTo(new Action.ToolCall("read_text_file", Map.of("path", "a.sql")));
  }

  @Test
  void takesTheFirstOfTwoObjectsAfterTheReasoning() {
    Action a =
        parse(
            "",
            "{\"tool\":\"query\",\"arguments\":{\"sql\":\"select 1\"}}\n{\"answer\":\"1\"}",
            true);
    assertThat(a).isEqualTo(new Action.ToolCall("query", Map.of("sql", "select 1")));
  }

  @Test
  void takesTheLastObjectOfAReasoningThatNeverClosed() {
    Action a =
        parse(
            "Maybe {\"tool\":\"query\",\"arguments\":{\"sql\":\"x\"}}? No. Final: {\"answer\": \"42\"}",
            "",
            false);
    assertThat(a).isEqualTo(new Action.Answer("42"));
  }

  @Test
  void readsInlineThinkTagsLeftInTheContent() {
    Action a = parse("", "<think>I should answer {\"a\":1}</think>\n{\"answer\": \"yes\"}", true);
    assertThat(a).isEqualTo(new Action.Answer("yes"));
  }

  @Test
  void acceptsCommonAliasesAndOpenAiStyleStringArguments() {
    assertThat(parse("", "{\"name\": \"query\", \"parameters\": {\"sql\": \"s\"}}", true))
        .isEqualTo(new Action.ToolCall("query", Map.of("sql", "s")));
    assertThat(
            parse(
                "",
                "{\"function\": {\"name\": \"query\", \"arguments\": \"{\\\"sql\\\": \\\"s\\\"}\"}}",
                true))
        .isEqualTo(new Action.ToolCall("query", Map.of("sql", "s")));
    assertThat(
            parse("", "{\"tool_call\": {\"tool\": \"query\", \"args\": {\"sql\": \"s\"}}}", true))
        .isEqualTo(new Action.ToolCall("query", Map.of("sql", "s")));
  }

  @Test
  void toleratesTrailingCommasAndSingleQuotes() {
    assertThat(parse("", "{'tool': 'query', 'arguments': {'sql': 'select 1',},}", true))
        .isEqualTo(new Action.ToolCall("query", Map.of("sql", "select 1")));
  }

  @Test
  void keepsBracesInsideStrings() {
    assertThat(parse("", "{\"answer\": \"use {braces} and \\\"quotes\\\" }\"}", true))
        .isEqualTo(new Action.Answer("use {braces} and \"quotes\" }"));
  }

  @Test
  void readsAConstrainedObjectWholeEvenWithTagsAndBracesInItsStrings() {
    assertThat(parse("r", "{\"answer\": \"a </think> {\\\"x\\\": 1} <think> b\"}", true))
        .isEqualTo(new Action.Answer("a </think> {\"x\": 1} <think> b"));
  }

  @Test
  void takesPlainProseAfterTheReasoningAsTheAnswer() {
    assertThat(parse("done", "The orders table has 3 rows.", true))
        .isEqualTo(new Action.Answer("The orders table has 3 rows."));
  }

  @Test
  void refusesProseThatDescribesACall() {
    assertThat(problem("", "I will now call read_text_file on a.sql", true))
        .contains("in words")
        .contains("{\"tool\": \"read_text_file\"");
  }

  @Test
  void explainsAnObjectThatIsNoAction() {
    assertThat(problem("", "{\"thought\": \"hmm\"}", true)).contains("is not an action");
  }

  @Test
  void explainsAnEmptyReplyAndAnUnfinishedThought() {
    assertThat(problem("reasoning", "", true)).contains("no action after the reasoning");
    assertThat(problem("I am still thinking about it", "", false)).contains("never ended");
  }

  @Test
  void serializesTheKeptTurnCompactlyAndComparesCallsWhateverTheKeyOrder() {
    var a = new Action.ToolCall("query", Map.of("sql", "s", "limit", 5));
    var b = new Action.ToolCall("query", new java.util.TreeMap<>(Map.of("limit", 5, "sql", "s")));
    assertThat(a.identity()).isEqualTo(b.identity());
    assertThat(new Action.Answer("x").toJson()).isEqualTo("{\"answer\":\"x\"}");
  }
}

package io.devhost.bridge;

import io.devhost.bridge.host.UserConsole;
import io.devhost.bridge.model.Generation;
import io.devhost.bridge.model.GenerationRequest;
import io.devhost.bridge.model.ModelBackend;
import io.devhost.bridge.model.Sampling;
import io.devhost.bridge.model.TokenListener;
import io.devhost.bridge.model.Turn;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Answers a server's {@code sampling/createMessage} with the local model, once the user agreed. The
 * server's system prompt goes into the first user turn (R1 takes no system turn); only the answer
 * goes back, never the reasoning.
 */
final class SamplingResponder
    implements BiFunction<String, McpSchema.CreateMessageRequest, McpSchema.CreateMessageResult> {

  private static final int DEFAULT_MAX_TOKENS = 1024;

  private final ModelBackend model;
  private final UserConsole console;
  private final Sampling sampling;

  SamplingResponder(ModelBackend model, UserConsole console, Sampling sampling) {
    this.model = model;
    this.console = console;
    this.sampling = sampling;
  }

  @Override
  public McpSchema.CreateMessageResult apply(
      String server, McpSchema.CreateMessageRequest request) {
    if (!console.interactive()) {
      throw new IllegalStateException("sampling refused: nobody is at the terminal to approve it");
    }
    String answer =
        console.ask(
            "Server '"
                + server
                + "' asks the local model to answer "
                + request.messages().size()
                + " message(s). Allow? [y/N] ");
    if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
      throw new IllegalStateException("sampling refused by the user");
    }
    int maxTokens = request.maxTokens() == null ? DEFAULT_MAX_TOKENS : request.maxTokens();
    Sampling s =
        request.temperature() == null
            ? sampling
            : new Sampling(request.temperature(), sampling.topP(), sampling.seed());
    Generation g =
        model.generate(
            new GenerationRequest(turns(request), true, null, null, maxTokens, s),
            TokenListener.NONE);
    String text = g.content().isBlank() ? g.reasoning() : g.content();
    return new McpSchema.CreateMessageResult(
        McpSchema.Role.ASSISTANT,
        new McpSchema.TextContent(text),
        model.describe(),
        g.finish() == Generation.Finish.LENGTH
            ? McpSchema.CreateMessageResult.StopReason.MAX_TOKENS
            : McpSchema.CreateMessageResult.StopReason.END_TURN);
  }

  static List<Turn> turns(McpSchema.CreateMessageRequest request) {
    var turns = new ArrayList<Turn>();
    String preface = request.systemPrompt() == null ? "" : request.systemPrompt().strip() + "\n\n";
    for (var m : request.messages()) {
      String text =
          m.content() instanceof McpSchema.TextContent t ? t.text() : "[non-text content]";
      if (m.role() == McpSchema.Role.USER) {
        turns.add(Turn.user(turns.isEmpty() ? preface + text : text));
      } else {
        turns.add(Turn.assistant(text));
      }
    }
    if (turns.isEmpty() || turns.get(turns.size() - 1).role() != Turn.Role.USER) {
      turns.add(Turn.user(preface + "Continue."));
    }
    return turns;
  }
}

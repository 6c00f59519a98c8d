package io.devhost.bridge.planner;

import io.devhost.bridge.host.HostTool;
import java.util.List;

/**
 * Turns a reply into an action the host can run, or a problem to send back: parsed (robustly),
 * naming a tool that exists (with a suggestion when it does not), with arguments valid against that
 * tool's {@code inputSchema}.
 */
public final class ActionChecker {

  /** The outcome of a check. */
  public sealed interface Result {}

  /**
   * A usable action; {@code tool} is null for an answer. {@code coercions} notes each argument
   * converted to its schema's type.
   */
  public record Usable(Action action, HostTool tool, List<String> coercions) implements Result {}

  /** What was wrong, worded for the model. */
  public record Problem(String message) implements Result {}

  private final List<HostTool> tools;
  private final List<String> names;
  private final ArgumentValidator validator = new ArgumentValidator();

  public ActionChecker(List<HostTool> tools) {
    this.tools = List.copyOf(tools);
    this.names = tools.stream().map(HostTool::name).toList();
  }

  public Result check(String reasoning, String content, boolean reasoningClosed) {
    var parsed = ActionParser.parse(reasoning, content, reasoningClosed, names);
    if (parsed instanceof ActionParser.Unreadable u) {
      return new Problem(u.message());
    }
    Action action = ((ActionParser.Found) parsed).action();
    if (action instanceof Action.Answer a) {
      return a.text().isBlank()
          ? new Problem("the answer was empty")
          : new Usable(action, null, List.of());
    }
    var call = (Action.ToolCall) action;
    HostTool tool = resolve(call.tool());
    if (tool == null) {
      return new Problem(
          "there is no tool named '"
              + call.tool()
              + "'"
              + suggestion(call.tool())
              + ". The tools are: "
              + String.join(", ", names));
    }
    var checked = validator.check(tool, call.arguments());
    if (checked instanceof ArgumentValidator.Invalid invalid) {
      return new Problem(invalid.message());
    }
    var valid = (ArgumentValidator.Valid) checked;
    return new Usable(new Action.ToolCall(tool.name(), valid.arguments()), tool, valid.coercions());
  }

  /** By exact name, or by {@code server.tool} when the model qualified a name that needs none. */
  private HostTool resolve(String name) {
    for (HostTool t : tools) {
      if (t.name().equals(name) || (t.server() + "." + t.tool().name()).equals(name)) {
        return t;
      }
    }
    return null;
  }

  private String suggestion(String name) {
    HostTool best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (HostTool t : tools) {
      int d = Levenshtein.distance(name, t.name());
      if (d < bestDistance) {
        best = t;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(3, name.length() / 3)
        ? " (did you mean '" + best.name() + "'?)"
        : "";
  }
}

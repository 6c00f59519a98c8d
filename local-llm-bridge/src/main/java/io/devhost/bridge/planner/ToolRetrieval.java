package io.devhost.bridge.planner;

import io.devhost.bridge.host.HostTool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the tools a task most likely needs, so the catalog shows those with their signatures and
 * only names the rest. Measured on DevHost's default toolsets (37 tools), every tool's signature
 * and first sentence take about 9,100 characters; with the 12 best-matching tools in full it is
 * about a third of that (docs/benchmarks-bridge.md). A named tool stays callable: a wrong call is
 * answered with its full schema.
 *
 * <p>The match is lexical: words of the task (stemmed crudely) against the words of a tool's name
 * (weighted three times) and description. Ties keep the servers' order.
 */
final class ToolRetrieval {

  /** Tools shown with their signature when there are more than this many. */
  static final int SHOWN = 12;

  private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
  private static final Set<String> STOP_WORDS =
      Set.of(
          "the", "and", "for", "with", "which", "what", "who", "how", "are", "was", "were", "has",
          "have", "had", "that", "this", "these", "those", "from", "into", "all", "any", "its",
          "his", "her", "their", "our", "your", "you", "can", "does", "did", "not", "but", "then",
          "than", "there", "here", "when", "where", "why", "most", "more", "last", "first", "each",
          "one", "two", "about", "tell", "show", "give", "find", "get", "list");

  /** The tools to show in full, in their original order, and the others, to name. */
  record Selection(List<HostTool> shown, List<HostTool> named) {}

  private ToolRetrieval() {}

  static Selection select(List<HostTool> tools, String task, int shown) {
    if (tools.size() <= shown) {
      return new Selection(tools, List.of());
    }
    Set<String> wanted = words(task);
    var scored = new ArrayList<HostTool>(tools);
    scored.sort(Comparator.comparingInt((HostTool t) -> -score(t, wanted, task)));
    var picked = new HashSet<>(scored.subList(0, shown));
    return new Selection(
        tools.stream().filter(picked::contains).toList(),
        tools.stream().filter(t -> !picked.contains(t)).toList());
  }

  private static int score(HostTool tool, Set<String> wanted, String task) {
    if (task.contains(tool.name())) {
      return 1000;
    }
    int score = 0;
    Set<String> name = words(tool.name().replace('_', ' '));
    Set<String> description = words(tool.tool().description());
    for (String w : wanted) {
      score += (name.contains(w) ? 3 : 0) + (description.contains(w) ? 1 : 0);
    }
    return score;
  }

  private static Set<String> words(String text) {
    var out = new HashSet<String>();
    if (text == null) {
      return out;
    }
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (w.length() >= 3 && !STOP_WORDS.contains(w)) {
        out.add(stem(w));
      }
    }
    return out;
  }

  private static String stem(String w) {
    for (String suffix : List.of("ing", "ies", "es", "ed", "s")) {
      if (w.length() > suffix.length() + 3 && w.endsWith(suffix)) {
        return w.substring(0, w.length() - suffix.length());
      }
    }
    return w;
  }
}

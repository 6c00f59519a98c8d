package io.devhost.server.policy;

import io.devhost.core.Globs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The time limit of each tool: the first matching {@code glob=seconds} rule, else the default. */
public final class ToolTimeouts {

  public static final int DEFAULT_SECONDS = 120;

  private record Rule(String glob, Predicate<String> matches, Duration limit) {}

  private final List<Rule> rules;

  private ToolTimeouts(List<Rule> rules) {
    this.rules = rules;
  }

  /** Parses {@code 60}, {@code query_*=30} or a mix; a bare number sets the default. */
  public static ToolTimeouts parse(List<String> specs) {
    var rules = new ArrayList<Rule>();
    Duration fallback = Duration.ofSeconds(DEFAULT_SECONDS);
    for (String spec : specs) {
      int eq = spec.lastIndexOf('=');
      String glob = eq < 0 ? "*" : spec.substring(0, eq).trim();
      Duration limit = seconds(spec, eq < 0 ? spec : spec.substring(eq + 1));
      if (glob.equals("*")) {
        fallback = limit;
      } else {
        rules.add(new Rule(glob, Globs.anyOf(List.of(glob)), limit));
      }
    }
    rules.add(new Rule("*", name -> true, fallback));
    return new ToolTimeouts(List.copyOf(rules));
  }

  public Duration limitOf(String tool) {
    return rules.stream().filter(r -> r.matches().test(tool)).findFirst().orElseThrow().limit();
  }

  private static Duration seconds(String spec, String value) {
    try {
      long s = Long.parseLong(value.trim());
      if (s > 0) {
        return Duration.ofSeconds(s);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--tool-timeout '"
            + spec
            + "' is not SECONDS or GLOB=SECONDS with a positive whole number of seconds.");
  }
}
